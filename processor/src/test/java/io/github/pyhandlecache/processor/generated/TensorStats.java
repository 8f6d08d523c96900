package io.github.pyhandlecache.processor.generated;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Primitive, array, generic and type-variable accessors with several slots, and a checked
 * exception. Every value depends on a counter, so a cached value differs from a recomputed one.
 */
class TensorStats<D extends Number> {
  final AtomicInteger calls = new AtomicInteger();
  final List<D> sizes;
  volatile IOException failure;

  TensorStats(List<D> sizes) {
    this.sizes = sizes;
  }

  @PyHandleCached(slots = 3)
  int rank() {
    return calls.incrementAndGet();
  }

  @PyHandleCached(slots = 2)
  long numel(PyInterpreter interpreter) {
    return 1_000_000_000_000L + calls.incrementAndGet();
  }

  @PyHandleCached
  double mean() {
    return calls.incrementAndGet() / 2.0;
  }

  @PyHandleCached
  boolean isEven() {
    return calls.incrementAndGet() % 2 == 0;
  }

  @PyHandleCached
  char code() {
    return (char) ('a' + calls.incrementAndGet());
  }

  @PyHandleCached
  int[] strides() {
    return new int[] {calls.incrementAndGet()};
  }

  @PyHandleCached
  List<D> dims() {
    calls.incrementAndGet();
    return List.copyOf(sizes);
  }

  @PyHandleCached
  D first() {
    calls.incrementAndGet();
    return sizes.get(0);
  }

  @PyHandleCached
  String load(PyInterpreter interpreter) throws IOException {
    calls.incrementAndGet();
    IOException toThrow = failure;
    if (toThrow != null) {
      throw toThrow;
    }
    return "loaded for " + interpreter.name() + " #" + calls.get();
  }
}

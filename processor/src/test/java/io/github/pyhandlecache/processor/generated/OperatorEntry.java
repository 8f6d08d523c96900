package io.github.pyhandlecache.processor.generated;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.atomic.AtomicInteger;

/** Both accessor forms with one slot, like PyTorch's; counts the slow accessor's calls. */
abstract class OperatorEntry {
  static OperatorEntry create(String name) {
    return new PyHandleCached_OperatorEntry(name);
  }

  final String name;
  final AtomicInteger explicitCalls = new AtomicInteger();
  final AtomicInteger implicitCalls = new AtomicInteger();
  volatile RuntimeException failure;
  volatile boolean returnsNull;

  OperatorEntry(String name) {
    this.name = name;
  }

  @PyHandleCached
  Handle pythonOp(PyInterpreter interpreter) {
    explicitCalls.incrementAndGet();
    return compute(interpreter);
  }

  @PyHandleCached
  Handle pyObject() {
    implicitCalls.incrementAndGet();
    return compute(PyInterpreter.current());
  }

  private Handle compute(PyInterpreter interpreter) {
    RuntimeException toThrow = failure;
    if (toThrow != null) {
      throw toThrow;
    }
    return returnsNull ? null : new Handle(interpreter, name);
  }
}

package io.github.pyhandlecache.soak;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyHandleCache;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A host object with every kind of cached accessor: the processor generates {@code
 * PyHandleCached_Host} with the explicit and implicit forms in 1 and 4 slots, and two {@code
 * PyHandleCache} fields give the plain-object cache with 1 and 4 slots.
 */
class Host {
  private static final AtomicLong CREATED = new AtomicLong();

  final long id = CREATED.incrementAndGet();
  final PyHandleCache<Value> cache1 = new PyHandleCache<>(1);
  final PyHandleCache<Value> cache4 = new PyHandleCache<>(4);

  /**
   * The checker's record, per accessor and pool position, of the value an interpreter's slot holds
   * here: see {@link Checker}. It lives with the host so that it goes when the host goes.
   */
  final AtomicReferenceArray<Checker.Learned> learned =
      new AtomicReferenceArray<>(Accessor.COUNT * Interpreters.POOL);

  Host() {}

  /** Returns a host whose slots are all empty. */
  static Host create() {
    return new PyHandleCached_Host();
  }

  @PyHandleCached
  Value explicit1(PyInterpreter interpreter) {
    return SlowAccessor.compute(this, Accessor.EXPLICIT_1, interpreter);
  }

  @PyHandleCached(slots = 4)
  Value explicit4(PyInterpreter interpreter) {
    return SlowAccessor.compute(this, Accessor.EXPLICIT_4, interpreter);
  }

  @PyHandleCached
  Value implicit1() {
    return SlowAccessor.compute(this, Accessor.IMPLICIT_1, PyInterpreter.current());
  }

  @PyHandleCached(slots = 4)
  Value implicit4() {
    return SlowAccessor.compute(this, Accessor.IMPLICIT_4, PyInterpreter.current());
  }

  Value getOr1(PyInterpreter interpreter) {
    return cache1.getOr(interpreter, () -> SlowAccessor.compute(this, Accessor.GET_OR_1, interpreter));
  }

  Value getOr4(PyInterpreter interpreter) {
    return cache4.getOr(interpreter, () -> SlowAccessor.compute(this, Accessor.GET_OR_4, interpreter));
  }

  @Override
  public String toString() {
    return "host " + id;
  }
}

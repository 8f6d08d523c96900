package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * A per-object {@link ThreadLocal}: one value per thread, which stands for an interpreter when each
 * thread only ever enters one.
 */
public final class ThreadLocalOperator {
  private final ThreadLocal<PyObjectStub> pyObject;

  public ThreadLocalOperator(String name) {
    this.pyObject = ThreadLocal.withInitial(() -> PyObjectStub.wrap(PyInterpreter.current(), name));
  }

  public PyObjectStub pyObject() {
    return pyObject.get();
  }
}

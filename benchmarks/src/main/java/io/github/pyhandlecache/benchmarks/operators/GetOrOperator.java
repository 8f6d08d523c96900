package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.runtime.PyHandleCache;
import io.github.pyhandlecache.runtime.PyInterpreter;

/** This project without the processor: a {@link PyHandleCache} field and a capturing lambda. */
public final class GetOrOperator {
  private final String name;
  private final PyHandleCache<PyObjectStub> pyObject = new PyHandleCache<>();

  public GetOrOperator(String name) {
    this.name = name;
  }

  public PyObjectStub pyObject(PyInterpreter interpreter) {
    return pyObject.getOr(interpreter, () -> PyObjectStub.wrap(interpreter, name));
  }
}

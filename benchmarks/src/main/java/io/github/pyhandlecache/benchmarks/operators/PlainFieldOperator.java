package io.github.pyhandlecache.benchmarks.operators;

/** The floor: a getter of a plain {@code final} field, filled in the constructor. */
public final class PlainFieldOperator {
  private final PyObjectStub pyObject;

  public PlainFieldOperator(PyObjectStub pyObject) {
    this.pyObject = pyObject;
  }

  public PyObjectStub pyObject() {
    return pyObject;
  }
}

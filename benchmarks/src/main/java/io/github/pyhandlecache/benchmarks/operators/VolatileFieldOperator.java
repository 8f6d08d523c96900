package io.github.pyhandlecache.benchmarks.operators;

/** A getter of a {@code volatile} field: the cost of one acquire load and nothing else. */
public final class VolatileFieldOperator {
  private volatile PyObjectStub pyObject;

  public VolatileFieldOperator(PyObjectStub pyObject) {
    this.pyObject = pyObject;
  }

  public PyObjectStub pyObject() {
    return pyObject;
  }
}

package io.github.pyhandlecache.container.webapp;

/** The control: the same operator without the cache, so every call looks its object up. */
public class OperatorEntry {
  private final String name;

  OperatorEntry(String name) {
    this.name = name;
  }

  static OperatorEntry create(String name) {
    return new OperatorEntry(name);
  }

  public PyObjectHandle pyObject() {
    return PyObjectHandle.lookUp(name);
  }
}

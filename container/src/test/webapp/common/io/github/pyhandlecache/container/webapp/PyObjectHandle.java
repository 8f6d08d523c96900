package io.github.pyhandlecache.container.webapp;

/** What the slow accessor looks up: a stand-in for a Python object, a new one on each lookup. */
public final class PyObjectHandle {
  private final String name;

  private PyObjectHandle(String name) {
    this.name = name;
  }

  static PyObjectHandle lookUp(String name) {
    return new PyObjectHandle(name);
  }

  @Override
  public String toString() {
    return "PyObjectHandle[" + name + "]";
  }
}

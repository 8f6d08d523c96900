package io.github.pyhandlecache.container.webapp;

/**
 * The canary: the plain operator plus a per-thread memo of its last lookup that is never removed,
 * the leak of a thread-local that holds a class of the web application. Tomcat must report it.
 */
public class OperatorEntry {
  private static final ThreadLocal<PyObjectHandle> LAST_LOOKUP = new ThreadLocal<>();

  private final String name;

  OperatorEntry(String name) {
    this.name = name;
  }

  static OperatorEntry create(String name) {
    return new OperatorEntry(name);
  }

  public PyObjectHandle pyObject() {
    PyObjectHandle handle = PyObjectHandle.lookUp(name);
    LAST_LOOKUP.set(handle);
    return handle;
  }
}

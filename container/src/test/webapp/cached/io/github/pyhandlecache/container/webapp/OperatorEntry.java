package io.github.pyhandlecache.container.webapp;

import io.github.pyhandlecache.annotations.PyHandleCached;

/** An operator whose Python object is cached per interpreter, in the implicit form. */
public abstract class OperatorEntry {
  private final String name;

  OperatorEntry(String name) {
    this.name = name;
  }

  static OperatorEntry create(String name) {
    return new PyHandleCached_OperatorEntry(name); // written by the processor
  }

  /** Tagged by {@code PyInterpreter.current()}: outside every scope nothing is cached. */
  @PyHandleCached
  public PyObjectHandle pyObject() {
    return PyObjectHandle.lookUp(name);
  }
}

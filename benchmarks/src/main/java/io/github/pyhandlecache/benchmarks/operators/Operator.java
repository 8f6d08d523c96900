package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * This project: slow accessors annotated with {@code @PyHandleCached}, cached by the generated
 * {@code PyHandleCached_Operator}; {@link UncachedOperator} runs them with no cache.
 *
 * <p>Abstract, as users write it (like an AutoValue class): while the generated class is its only
 * loaded subclass, the JIT calls the cached accessors without a type check.
 */
public abstract class Operator {
  /** Returns an operator whose accessors are cached per interpreter. */
  public static Operator create(String name) {
    return new PyHandleCached_Operator(name);
  }

  private final String name;

  Operator(String name) {
    this.name = name;
  }

  /** Explicit form, one slot: PyTorch's shape. */
  @PyHandleCached
  public PyObjectStub pyObject(PyInterpreter interpreter) {
    return PyObjectStub.wrap(interpreter, name);
  }

  /** Implicit form: the interpreter entered on this thread. */
  @PyHandleCached
  public PyObjectStub currentPyObject() {
    return PyObjectStub.wrap(PyInterpreter.current(), name);
  }

  /** Four slots, for four interpreters sharing the object. */
  @PyHandleCached(slots = 4)
  public PyObjectStub sharedPyObject(PyInterpreter interpreter) {
    return PyObjectStub.wrap(interpreter, name);
  }
}

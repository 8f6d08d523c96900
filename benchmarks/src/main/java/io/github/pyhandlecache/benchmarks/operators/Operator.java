package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * This project: slow accessors annotated with {@code @PyHandleCached}, cached by the generated
 * {@code PyHandleCached_Operator}. {@link #uncached} gives the slow accessors themselves.
 *
 * <p>Abstract, as users write it (like an AutoValue class): with the generated class its only
 * loaded subclass, the JIT calls the cached accessors without a type check.
 */
public abstract class Operator {
  /** Returns an operator whose accessors are cached per interpreter. */
  public static Operator create(String name) {
    return new PyHandleCached_Operator(name);
  }

  /** Returns an operator whose accessors run their body on every call. */
  public static Operator uncached(String name) {
    return new Uncached(name);
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

  /** The slow accessors with no cache; loaded only by the benchmarks of the miss paths. */
  private static final class Uncached extends Operator {
    Uncached(String name) {
      super(name);
    }
  }
}

package io.github.pyhandlecache.stress.host;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * What a slow accessor returns: a fresh object that remembers the interpreter it was computed for,
 * so a test can tell whose value a call returned, and by identity whether two calls returned the
 * same one.
 */
public final class Handle {
  private final PyInterpreter owner;

  Handle(PyInterpreter owner) {
    this.owner = owner;
  }

  /**
   * Returns the {@linkplain Interpreters#numberOf number} of the interpreter {@code handle} was
   * computed for, or 0 for null: the default value, which no slow accessor returns.
   */
  public static int numberOf(Handle handle) {
    return handle == null ? 0 : Interpreters.numberOf(handle.owner);
  }

  @Override
  public String toString() {
    return "Handle[" + owner.name() + "]";
  }
}

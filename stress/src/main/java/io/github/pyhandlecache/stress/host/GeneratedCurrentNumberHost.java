package io.github.pyhandlecache.stress.host;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * A host whose cached accessor has the implicit form: its tag is {@link PyInterpreter#current()},
 * so a call for an interpreter enters it first. The tests race on {@code
 * PyHandleCached_GeneratedCurrentNumberHost}.
 */
public class GeneratedCurrentNumberHost extends Host {
  GeneratedCurrentNumberHost() {}

  /** Returns a host with its one slot empty. */
  public static Host create() {
    return new PyHandleCached_GeneratedCurrentNumberHost();
  }

  @PyHandleCached
  int currentNumber() {
    return computeNumber(PyInterpreter.current());
  }

  /** Enters {@code interpreter}, which must be open, and calls the accessor there. */
  @Override
  @SuppressWarnings("try") // entered for its effect on current() alone
  public final int numberFor(PyInterpreter interpreter) {
    try (PyInterpreter.Scope entered = interpreter.enter()) {
      return currentNumber();
    }
  }
}

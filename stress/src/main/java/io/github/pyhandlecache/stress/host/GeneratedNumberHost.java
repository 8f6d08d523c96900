package io.github.pyhandlecache.stress.host;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * A host whose cached accessor returns a primitive, the interpreter's number, so the tests cover
 * the generated {@code int} slot, whose default value is 0: {@code PyHandleCached_GeneratedNumberHost}.
 */
public class GeneratedNumberHost extends Host {
  GeneratedNumberHost() {}

  /** Returns a host with its one slot empty. */
  public static Host create() {
    return new PyHandleCached_GeneratedNumberHost();
  }

  @PyHandleCached
  int number(PyInterpreter interpreter) {
    return computeNumber(interpreter);
  }

  @Override
  public final int numberFor(PyInterpreter interpreter) {
    return number(interpreter);
  }
}

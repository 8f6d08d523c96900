package io.github.pyhandlecache.stress.host;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * A host whose handle the processor caches in three slots, for races of more interpreters than
 * slots: the tests race on {@code PyHandleCached_GeneratedThreeSlotHost}.
 */
public class GeneratedThreeSlotHost extends HandleHost {
  GeneratedThreeSlotHost() {}

  /** Returns a host with its three slots empty. */
  public static HandleHost create() {
    return new PyHandleCached_GeneratedThreeSlotHost();
  }

  @PyHandleCached(slots = 3)
  @Override
  public Handle handle(PyInterpreter interpreter) {
    return computeHandle(interpreter);
  }
}

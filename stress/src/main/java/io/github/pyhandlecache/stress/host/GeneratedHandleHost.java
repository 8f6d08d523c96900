package io.github.pyhandlecache.stress.host;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * A host whose handle the processor caches in one slot: the tests race on its generated subclass,
 * {@code PyHandleCached_GeneratedHandleHost}.
 */
public class GeneratedHandleHost extends HandleHost {
  GeneratedHandleHost() {}

  /** Returns a host with its one slot empty. */
  public static HandleHost create() {
    return new PyHandleCached_GeneratedHandleHost();
  }

  @PyHandleCached
  @Override
  public Handle handle(PyInterpreter interpreter) {
    return computeHandle(interpreter);
  }
}

package io.github.pyhandlecache.benchmarks.hosts;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * This project, one slot: the generated {@code PyHandleCached_OneSlotHost} allocates the accessor's
 * slot table in its constructor. One accessor only, so that nothing else grows the host.
 */
public abstract class OneSlotHost {
  public static OneSlotHost create(String name) {
    return new PyHandleCached_OneSlotHost(name);
  }

  final String name;

  OneSlotHost(String name) {
    this.name = name;
  }

  @PyHandleCached
  public Object value(PyInterpreter interpreter) {
    return name;
  }
}

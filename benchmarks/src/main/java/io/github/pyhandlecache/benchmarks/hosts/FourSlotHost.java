package io.github.pyhandlecache.benchmarks.hosts;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/** This project, four slots: {@link OneSlotHost} with {@code slots = 4}. */
public abstract class FourSlotHost {
  public static FourSlotHost create(String name) {
    return new PyHandleCached_FourSlotHost(name);
  }

  final String name;

  FourSlotHost(String name) {
    this.name = name;
  }

  @PyHandleCached(slots = 4)
  public Object value(PyInterpreter interpreter) {
    return name;
  }
}

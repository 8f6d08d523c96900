package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.runtime.PyHandleCache;
import io.github.pyhandlecache.runtime.PyInterpreter;

/** A host that caches its value in a {@link PyHandleCache}, as code without the processor does. */
final class CacheHost implements ModelHost {
  private final PyHandleCache<Computed> cache;
  private final SlowAccessor slowAccessor;

  private CacheHost(int slots, SlowAccessor slowAccessor) {
    this.cache = new PyHandleCache<>(slots);
    this.slowAccessor = slowAccessor;
  }

  static ModelHost.Factory withSlots(int slots) {
    return slowAccessor -> new CacheHost(slots, slowAccessor);
  }

  @Override
  public Computed value(PyInterpreter interpreter) {
    return cache.getOr(interpreter, slowAccessor.runFor(interpreter));
  }

  @Override
  public Object slotsHolder() {
    return cache;
  }
}

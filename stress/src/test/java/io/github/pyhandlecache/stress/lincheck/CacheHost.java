package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.runtime.PyHandleCache;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.function.Function;

/** A host that caches its value in a {@link PyHandleCache}, as code without the processor does. */
final class CacheHost implements ModelHost {
  private final PyHandleCache<Computed> cache;
  private final Function<PyInterpreter, Computed> slowAccessor;

  private CacheHost(int slots, Function<PyInterpreter, Computed> slowAccessor) {
    this.cache = new PyHandleCache<>(slots);
    this.slowAccessor = slowAccessor;
  }

  static ModelHost.Factory withSlots(int slots) {
    return slowAccessor -> new CacheHost(slots, slowAccessor);
  }

  @Override
  public Computed value(PyInterpreter interpreter) {
    return cache.getOr(interpreter, () -> slowAccessor.apply(interpreter));
  }

  @Override
  public Object slotsHolder() {
    return cache;
  }
}

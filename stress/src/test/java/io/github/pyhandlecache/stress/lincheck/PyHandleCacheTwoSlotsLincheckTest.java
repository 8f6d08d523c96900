package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.runtime.PyHandleCache;
import io.github.pyhandlecache.runtime.PyInterpreter;

/** {@link SlotProtocolModel} on a {@code PyHandleCache} with two slots. */
public class PyHandleCacheTwoSlotsLincheckTest extends SlotProtocolModel {
  private final PyHandleCache<Computed> cache = new PyHandleCache<>(2);

  @Override
  Computed cachedAccessor(PyInterpreter interpreter) {
    return cache.getOr(interpreter, () -> slowAccessor(interpreter));
  }

  @Override
  Object host() {
    return cache;
  }
}

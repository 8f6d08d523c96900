package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * A host with two slots, whose subclass the processor generates when it compiles the
 * tests: {@code PyHandleCached_TwoSlotsHost}.
 */
class TwoSlotsHost extends GeneratedHost {
  TwoSlotsHost(SlowAccessor slowAccessor) {
    super(slowAccessor);
  }

  static ModelHost create(SlowAccessor slowAccessor) {
    return new PyHandleCached_TwoSlotsHost(slowAccessor);
  }

  @PyHandleCached(slots = 2)
  @Override
  public Computed value(PyInterpreter interpreter) {
    return compute(interpreter);
  }
}

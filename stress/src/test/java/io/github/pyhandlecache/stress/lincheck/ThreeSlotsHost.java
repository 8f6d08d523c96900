package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * A host with three slots, whose subclass the processor generates when it compiles the
 * tests: {@code PyHandleCached_ThreeSlotsHost}.
 */
class ThreeSlotsHost extends GeneratedHost {
  ThreeSlotsHost(SlowAccessor slowAccessor) {
    super(slowAccessor);
  }

  static ModelHost create(SlowAccessor slowAccessor) {
    return new PyHandleCached_ThreeSlotsHost(slowAccessor);
  }

  @PyHandleCached(slots = 3)
  @Override
  public Computed value(PyInterpreter interpreter) {
    return compute(interpreter);
  }
}

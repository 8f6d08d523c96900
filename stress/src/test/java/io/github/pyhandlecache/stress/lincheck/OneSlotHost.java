package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * A host with one slot, whose subclass the processor generates when it compiles the
 * tests: {@code PyHandleCached_OneSlotHost}.
 */
class OneSlotHost extends GeneratedHost {
  OneSlotHost(SlowAccessor slowAccessor) {
    super(slowAccessor);
  }

  static ModelHost create(SlowAccessor slowAccessor) {
    return new PyHandleCached_OneSlotHost(slowAccessor);
  }

  @PyHandleCached
  @Override
  public Computed value(PyInterpreter interpreter) {
    return compute(interpreter);
  }
}

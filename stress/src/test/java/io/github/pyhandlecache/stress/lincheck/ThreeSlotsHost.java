package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * A host with three slots, whose subclass the processor generates when it compiles the
 * tests: {@code PyHandleCached_ThreeSlotsHost}.
 */
class ThreeSlotsHost implements ModelHost {
  private final SlowAccessor slowAccessor;

  ThreeSlotsHost(SlowAccessor slowAccessor) {
    this.slowAccessor = slowAccessor;
  }

  static ModelHost create(SlowAccessor slowAccessor) {
    return new PyHandleCached_ThreeSlotsHost(slowAccessor);
  }

  @PyHandleCached(slots = 3)
  @Override
  public Computed value(PyInterpreter interpreter) {
    return slowAccessor.run(interpreter);
  }

  @Override
  public Object slotsHolder() {
    return this;
  }
}

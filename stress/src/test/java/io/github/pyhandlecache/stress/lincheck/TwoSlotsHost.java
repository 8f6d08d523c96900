package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * A host with two cached slots, whose subclass the processor generates: {@code
 * PyHandleCached_TwoSlotsHost}. Its slow accessor is the model's.
 */
class TwoSlotsHost {
  private final SlotProtocolModel model;

  TwoSlotsHost(SlotProtocolModel model) {
    this.model = model;
  }

  static TwoSlotsHost create(SlotProtocolModel model) {
    return new PyHandleCached_TwoSlotsHost(model);
  }

  @PyHandleCached(slots = 2)
  Computed value(PyInterpreter interpreter) {
    return model.slowAccessor(interpreter);
  }
}

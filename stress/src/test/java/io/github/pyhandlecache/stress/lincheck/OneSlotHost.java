package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * A host with one cached slot, whose subclass the processor generates: {@code
 * PyHandleCached_OneSlotHost}. Its slow accessor is the model's.
 */
class OneSlotHost {
  private final SlotProtocolModel model;

  OneSlotHost(SlotProtocolModel model) {
    this.model = model;
  }

  static OneSlotHost create(SlotProtocolModel model) {
    return new PyHandleCached_OneSlotHost(model);
  }

  @PyHandleCached
  Computed value(PyInterpreter interpreter) {
    return model.slowAccessor(interpreter);
  }
}

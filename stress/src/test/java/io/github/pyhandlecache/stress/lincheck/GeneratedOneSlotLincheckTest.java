package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.runtime.PyInterpreter;

/** {@link SlotProtocolModel} on a class the processor generated, with one slot. */
public class GeneratedOneSlotLincheckTest extends SlotProtocolModel {
  private final OneSlotHost host = OneSlotHost.create(this);

  @Override
  Computed cachedAccessor(PyInterpreter interpreter) {
    return host.value(interpreter);
  }

  @Override
  Object host() {
    return host;
  }
}

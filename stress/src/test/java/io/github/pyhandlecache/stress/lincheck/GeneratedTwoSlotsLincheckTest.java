package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.runtime.PyInterpreter;

/** {@link SlotProtocolModel} on a class the processor generated, with two slots. */
public class GeneratedTwoSlotsLincheckTest extends SlotProtocolModel {
  private final TwoSlotsHost host = TwoSlotsHost.create(this);

  @Override
  Computed cachedAccessor(PyInterpreter interpreter) {
    return host.value(interpreter);
  }

  @Override
  Object host() {
    return host;
  }
}

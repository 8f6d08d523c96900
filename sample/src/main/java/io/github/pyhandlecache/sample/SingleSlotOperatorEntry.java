package io.github.pyhandlecache.sample;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
import org.graalvm.polyglot.Value;

/**
 * An {@link OperatorEntry} with the layout PyTorch ships: one slot for {@link #pythonOp}. The first
 * interpreter to call it owns the slot for good; every other one takes the slow path on every call.
 * The sample keeps it to show that problem next to its fix.
 */
class SingleSlotOperatorEntry extends OperatorEntry {
  SingleSlotOperatorEntry(OperatorName name) {
    super(name);
  }

  static SingleSlotOperatorEntry create(OperatorName name) {
    return new PyHandleCached_SingleSlotOperatorEntry(name);
  }

  @Override
  @PyHandleCached(slots = 1)
  Value pythonOp(PyInterpreter interpreter) {
    return super.pythonOp(interpreter);
  }
}

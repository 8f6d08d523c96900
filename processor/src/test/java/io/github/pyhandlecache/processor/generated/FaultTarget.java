package io.github.pyhandlecache.processor.generated;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.atomic.AtomicInteger;

/** Both accessor forms with two slots, for the fault-injection sweep; counts slow accessor calls. */
abstract class FaultTarget {
  static FaultTarget create() {
    return new PyHandleCached_FaultTarget();
  }

  final AtomicInteger slowCalls = new AtomicInteger();

  FaultTarget() {}

  @PyHandleCached(slots = 2)
  Handle explicitHandle(PyInterpreter interpreter) {
    slowCalls.incrementAndGet();
    return new Handle(interpreter, "explicit");
  }

  @PyHandleCached(slots = 2)
  Handle implicitHandle() {
    slowCalls.incrementAndGet();
    return new Handle(PyInterpreter.current(), "implicit");
  }
}

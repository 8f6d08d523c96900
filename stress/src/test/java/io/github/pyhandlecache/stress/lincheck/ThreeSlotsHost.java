package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.function.Function;

/**
 * A host with three slots, whose subclass the processor generates when it compiles the tests: {@code
 * PyHandleCached_ThreeSlotsHost}.
 */
class ThreeSlotsHost implements ModelHost {
  private final Function<PyInterpreter, Computed> slowAccessor;

  ThreeSlotsHost(Function<PyInterpreter, Computed> slowAccessor) {
    this.slowAccessor = slowAccessor;
  }

  static ModelHost create(Function<PyInterpreter, Computed> slowAccessor) {
    return new PyHandleCached_ThreeSlotsHost(slowAccessor);
  }

  @PyHandleCached(slots = 3)
  @Override
  public Computed value(PyInterpreter interpreter) {
    return slowAccessor.apply(interpreter);
  }

  @Override
  public Object slotsHolder() {
    return this;
  }
}

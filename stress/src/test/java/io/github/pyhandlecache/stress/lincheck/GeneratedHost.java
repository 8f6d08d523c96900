package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * What the hosts of generated classes share: the model's slow accessor, and the object itself as the
 * holder of the slot table. Each subclass annotates {@code value} with its slot count.
 */
abstract class GeneratedHost implements ModelHost {
  private final SlowAccessor slowAccessor;

  GeneratedHost(SlowAccessor slowAccessor) {
    this.slowAccessor = slowAccessor;
  }

  /** The slow accessor's run, which the annotated {@code value} returns. */
  final Computed compute(PyInterpreter interpreter) {
    return slowAccessor.run(interpreter);
  }

  @Override
  public final Object slotsHolder() {
    return this;
  }
}

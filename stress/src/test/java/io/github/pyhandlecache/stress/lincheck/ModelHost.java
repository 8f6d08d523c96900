package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.runtime.PyInterpreter;

/** An object with one cached accessor, which a model calls and whose slots it looks at. */
interface ModelHost {
  /** Calls the cached accessor for {@code interpreter}. */
  Computed value(PyInterpreter interpreter);

  /** The object whose field holds the accessor's slot table, for {@link Slots#of}. */
  Object slotsHolder();

  /** Makes a host whose slow accessor is the model's. */
  interface Factory {
    ModelHost create(SlowAccessor slowAccessor);
  }
}

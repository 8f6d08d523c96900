package io.github.pyhandlecache.stress.host;

import io.github.pyhandlecache.runtime.PyInterpreter;

/** A host whose cached accessor returns a {@link Handle}, so tests can compare values by identity. */
public abstract class HandleHost extends Host {
  /** Calls the cached accessor for {@code interpreter}. */
  public abstract Handle handle(PyInterpreter interpreter);

  @Override
  public final int numberFor(PyInterpreter interpreter) {
    return Handle.numberOf(handle(interpreter));
  }
}

package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;

/** What tests outside this package may ask of an interpreter's registrations. */
public final class Registered {
  private Registered() {}

  /**
   * How many registrations {@code interpreter} holds, those of collected objects included (racing
   * adds aside): what its chunks hold below their first free slot.
   */
  public static int count(PyInterpreter interpreter) {
    int count = 0;
    for (Registrations.Chunk chunk = Registrations.of(interpreter).head.get(); chunk != null;
        chunk = chunk.next.get()) {
      count += chunk.free;
    }
    return count;
  }
}

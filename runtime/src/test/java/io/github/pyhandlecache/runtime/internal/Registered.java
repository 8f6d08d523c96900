package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;

/** What tests outside this package may ask of an interpreter's registrations. */
public final class Registered {
  private Registered() {}

  /** How many registrations {@code interpreter} holds, those of collected objects included. */
  public static int count(PyInterpreter interpreter) {
    return Registrations.of(interpreter).size();
  }
}

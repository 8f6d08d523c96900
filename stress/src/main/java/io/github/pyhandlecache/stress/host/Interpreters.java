package io.github.pyhandlecache.stress.host;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * Interpreters named by number, so that outcomes can say whose value a call returned: "1" for the
 * value computed for interpreter 1, and 0 for a default value (null or 0), which no slow accessor
 * returns. A primitive slow accessor returns its interpreter's number as the value.
 */
public final class Interpreters {
  /** The highest number: no test needs more interpreters. */
  public static final int MAX_NUMBER = 4;

  private Interpreters() {}

  /** Returns a new, open interpreter numbered {@code number}, 1 to {@link #MAX_NUMBER}. */
  public static PyInterpreter numbered(int number) {
    if (number < 1 || number > MAX_NUMBER) {
      throw new IllegalArgumentException("interpreters are numbered 1 to 4, got " + number);
    }
    return PyInterpreter.create(Integer.toString(number));
  }

  /** Returns the number of an interpreter from {@link #numbered}. */
  public static int numberOf(PyInterpreter interpreter) {
    return Integer.parseInt(interpreter.name());
  }
}

package io.github.pyhandlecache.soak;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * What a slow accessor returns: a fresh object that records the interpreter it was computed for,
 * the host and accessor that computed it, and when, so that the checker can tell whose value a call
 * returned, and by identity whether two calls returned the same one.
 */
final class Value {
  /** The interpreter the value was computed for; null if the call had none. */
  final PyInterpreter interpreter;
  final long host;
  final Accessor accessor;
  /** The ticket drawn as the slow accessor returned: see {@link Tickets}. */
  final long ticket;

  Value(PyInterpreter interpreter, long host, Accessor accessor, long ticket) {
    this.interpreter = interpreter;
    this.host = host;
    this.accessor = accessor;
    this.ticket = ticket;
  }

  @Override
  public String toString() {
    return "Value#" + ticket + "[" + (interpreter == null ? "no interpreter" : interpreter.name())
        + ", host " + host + ", " + accessor + "]";
  }
}

package io.github.pyhandlecache.soak;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * One call of a cached accessor and what came of it. The calling thread fills it in, the slow
 * accessor included; in a {@link StackDive} the deep frames only store into it, and the checks run
 * back at a shallow depth.
 */
final class Call {
  Host host;
  Accessor accessor;
  /** The interpreter's position in the pool, or -1 for none. */
  int position;
  /** The interpreter the call is for: the argument, or the current one for an implicit accessor. */
  PyInterpreter interpreter;

  /**
   * Whether the interpreter's close() had returned before the call started (the soak knows it when
   * the churn has replaced the interpreter in the pool), and whether it was closed after it ended.
   */
  boolean releasedBefore;
  boolean closedAfter;
  /** Whether the accessor returned {@link #value}; else the call ended with {@link #thrown}. */
  boolean returned;
  Value value;
  Throwable thrown;
  /** A scope the call entered and could not close (a fault struck): closed again later. */
  PyInterpreter.Scope scope;

  /** Written by the slow accessor: how often it ran, what it returned, what it threw. */
  int slowRuns;
  Value computed;
  SlowAccessorFailure failure;

  Call prepare(Host host, Accessor accessor, int position, PyInterpreter interpreter) {
    this.host = host;
    this.accessor = accessor;
    this.position = position;
    this.interpreter = interpreter;
    releasedBefore = false;
    closedAfter = false;
    returned = false;
    value = null;
    thrown = null;
    scope = null;
    slowRuns = 0;
    computed = null;
    failure = null;
    return this;
  }

  /** Forgets the values and interpreters the call refers to, so that they can be collected. */
  void clear() {
    prepare(null, null, -1, null);
  }

  @Override
  public String toString() {
    return accessor + " on " + host + " with "
        + (interpreter == null ? "no interpreter" : interpreter.toString());
  }
}

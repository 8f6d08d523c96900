package io.github.pyhandlecache.sample;

import io.github.pyhandlecache.runtime.PyInterpreter;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * An {@link OperatorEntry} as Python code sees it: the host object that {@code ops.call_back}
 * calls. Public, with an exported method, as the Polyglot API's default host access requires.
 */
public final class HostOperator {
  private final OperatorEntry entry;

  HostOperator(OperatorEntry entry) {
    this.entry = entry;
  }

  /**
   * Returns the entry's overload packet in the calling interpreter: called from Python, on a thread
   * that entered no scope, {@code PyInterpreter.current()} is the interpreter of that context.
   *
   * @return {@link OperatorEntry#overloadPacket()}
   */
  @HostAccess.Export
  public Value overloadPacket() {
    return entry.overloadPacket();
  }

  /**
   * Returns the name of the calling thread's current interpreter, as the implicit form sees it.
   *
   * @return the name of {@link PyInterpreter#current()}, or {@code "none"}
   */
  @HostAccess.Export
  public String currentInterpreter() {
    PyInterpreter current = PyInterpreter.current();
    return current == null ? "none" : current.name();
  }
}

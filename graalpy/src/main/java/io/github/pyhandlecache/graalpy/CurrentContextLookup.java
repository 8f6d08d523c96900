package io.github.pyhandlecache.graalpy;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.spi.InterpreterLookup;
import org.graalvm.polyglot.Context;

/**
 * Answers {@link PyInterpreter#current()} on a thread that entered no scope with the interpreter of
 * the {@link GraalPyInterpreter} bound to the polyglot context the thread is in: Java code called
 * back from Python, a Python thread, code between {@link Context#enter()} and {@link
 * Context#leave()}. Installed through {@link java.util.ServiceLoader} (a {@code provides} clause of
 * this module, and a {@code META-INF/services} file on the class path); applications do not call
 * it.
 *
 * <p>Cost, when {@code current()} gets here: a read of whether any context is bound; if one is, a
 * thread inside a context pays {@link Context#getCurrent()} and a hash lookup (tens of
 * nanoseconds), and a thread outside every context pays for the exception with which {@code
 * getCurrent()} says so (microseconds), the only way the Polyglot API has to say it.
 */
public final class CurrentContextLookup implements InterpreterLookup {
  /** Creates the lookup; {@link java.util.ServiceLoader} does, once. */
  public CurrentContextLookup() {}

  /**
   * Returns the interpreter bound to the calling thread's polyglot context.
   *
   * @return the interpreter of the {@link GraalPyInterpreter} bound to {@link
   *     Context#getCurrent()}, or null if the thread is in no context or in an unbound one
   */
  @Override
  public PyInterpreter currentInterpreter() {
    // Nothing bound: answer without touching the Polyglot API, which the application may not even
    // have on its class path (it is a provided dependency).
    if (ContextBindings.isEmpty()) {
      return null;
    }
    Context current;
    try {
      current = Context.getCurrent();
    } catch (IllegalStateException inNoContext) {
      return null;
    }
    GraalPyInterpreter bound = ContextBindings.get(current);
    return bound == null ? null : bound.interpreter();
  }
}

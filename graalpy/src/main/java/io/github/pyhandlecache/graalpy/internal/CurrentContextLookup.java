package io.github.pyhandlecache.graalpy.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.spi.InterpreterLookup;

/**
 * Answers {@link PyInterpreter#current()} on a thread that entered no scope with the interpreter
 * bound to the polyglot context the thread is in: Java code called back from Python, a Python
 * thread, code between {@code Context.enter()} and {@code Context.leave()}. Installed through
 * {@link java.util.ServiceLoader} (a {@code provides} clause of the module, and a {@code
 * META-INF/services} file on the class path); applications do not call it.
 */
public final class CurrentContextLookup implements InterpreterLookup {
  /** Creates the lookup; {@link java.util.ServiceLoader} does, once. */
  public CurrentContextLookup() {}

  /**
   * Returns the interpreter bound to the calling thread's polyglot context.
   *
   * @return the interpreter bound to the context the thread is in, or null if the thread is in no
   *     context or in an unbound one
   */
  @Override
  public PyInterpreter currentInterpreter() {
    return UntrackedContexts.current();
  }
}

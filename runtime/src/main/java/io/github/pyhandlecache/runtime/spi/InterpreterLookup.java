package io.github.pyhandlecache.runtime.spi;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.internal.ThreadState;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds the interpreter of a thread in no scope, for example that of the polyglot context Python
 * code entered before calling into Java. {@link PyInterpreter#current()} asks the providers {@link
 * java.util.ServiceLoader} found when the runtime was loaded, in order, and takes the first
 * non-null answer. Implementations must be cheap and neither throw nor call {@code current()}.
 */
public interface InterpreterLookup {
  /** {@return the interpreter of the calling thread, or null if this lookup knows none} */
  PyInterpreter currentInterpreter();

  /**
   * Makes {@code lookup} the first one {@link PyInterpreter#current()} asks on the calling thread
   * outside every scope, in the read current() makes anyway, until the next call; null undoes it.
   * For lookups told when a thread enters and leaves what they follow (a Truffle {@code
   * ThreadsActivationListener}): call it on each change, with null once the thread is outside all
   * of it, so that it keeps nothing behind. A fault leaves the thread's lookup as it was.
   *
   * @param lookup the calling thread's own lookup, or null
   */
  static void setThreadLookup(InterpreterLookup lookup) {
    AtomicReference<Object> answer = ThreadState.answerOfThisThread();
    if (answer.getPlain() instanceof PyInterpreter) { // in a scope (or an interpreter's thread)
      ThreadState.scopesOfThisThread()[ThreadState.LOOKUP] = lookup;
    } else {
      answer.setPlain(lookup); // stopped by a fault before it writes
    }
  }
}

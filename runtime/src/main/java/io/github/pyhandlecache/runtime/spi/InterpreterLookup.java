package io.github.pyhandlecache.runtime.spi;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * Finds the interpreter of a thread that has entered no scope, for example the one bound to the
 * polyglot context Python code entered before calling back into Java. {@link PyInterpreter#current()}
 * asks the providers that {@link java.util.ServiceLoader} found when the runtime was loaded, in
 * order, and takes the first non-null answer. An implementation must be cheap, must not throw, and
 * must not call {@link PyInterpreter#current()}.
 */
public interface InterpreterLookup {
  /** {@return the interpreter of the calling thread, or null if this lookup knows none} */
  PyInterpreter currentInterpreter();
}

package io.github.pyhandlecache.runtime.spi;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * Finds the interpreter of the calling thread when it has entered no {@link PyInterpreter.Scope}:
 * for example the interpreter bound to the polyglot context that Python code entered before calling
 * back into Java. {@link PyInterpreter#current()} asks the providers found by {@link
 * java.util.ServiceLoader} when the runtime is loaded, in class-path order, and takes the first
 * non-null answer; a thread inside a scope never reaches them.
 *
 * <p>An implementation must be cheap, must not throw, and must not call {@link
 * PyInterpreter#current()}.
 */
public interface InterpreterLookup {
  /**
   * Returns the interpreter of the calling thread, or null if it knows none.
   *
   * @return the calling thread's interpreter, or null
   */
  PyInterpreter currentInterpreter();
}

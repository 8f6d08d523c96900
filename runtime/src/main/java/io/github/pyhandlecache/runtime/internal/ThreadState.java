package io.github.pyhandlecache.runtime.internal;

/**
 * A thread's state for {@code PyInterpreter.current()} in one thread-local: a JDK-type array only
 * its thread writes, all null once it closed its outermost scope and left what its lookup follows.
 */
public final class ThreadState {
  public static final int ENTERED = 0; // the interpreter of the innermost open scope
  public static final int INNERMOST = 1; // that scope
  public static final int LOOKUP = 2; // the thread's own InterpreterLookup, asked first
  private static final ThreadLocal<Object[]> STATES = new ThreadLocal<>();

  private ThreadState() {}

  /** Returns the calling thread's state, or null. */
  public static Object[] ofThisThreadIfAny() {
    return STATES.get();
  }

  /** Returns the calling thread's state, made on its first call: a fault leaves none made. */
  public static Object[] ofThisThread() {
    Object[] state = STATES.get();
    if (state == null) {
      STATES.set(state = new Object[3]);
    }
    return state;
  }
}

package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * {@code PyInterpreter.current()} as b193d66 had it, by hand: a {@code withInitial} thread-local of
 * the thread's scopes, whose innermost one names the interpreter. With the explicit hit after it,
 * the getter form as it was, the baseline a getter's hit must not be slower than.
 */
public final class PreviousCurrent {
  private static final ThreadLocal<ThreadScopes> SCOPES = ThreadLocal.withInitial(ThreadScopes::new);

  private PreviousCurrent() {}

  /** Enters {@code interpreter} on the calling thread, for good: a benchmark's setup. */
  public static void enter(PyInterpreter interpreter) {
    ThreadScopes scopes = SCOPES.get();
    scopes.innermost = new Scope(interpreter, scopes.innermost);
  }

  /** Leaves the innermost scope of the calling thread. */
  public static void exit() {
    ThreadScopes scopes = SCOPES.get();
    scopes.innermost = scopes.innermost.enclosing;
  }

  public static PyInterpreter current() {
    Scope innermost = SCOPES.get().innermost;
    return innermost != null ? innermost.interpreter : null;
  }

  private static final class ThreadScopes {
    Scope innermost;
  }

  private record Scope(PyInterpreter interpreter, Scope enclosing) {}
}

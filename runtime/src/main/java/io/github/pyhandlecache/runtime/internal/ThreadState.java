package io.github.pyhandlecache.runtime.internal;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread's {@code PyInterpreter.current()} in JDK-type thread-locals only it writes: its answer
 * (innermost scope's interpreter, else own lookup), a field a hit reads; its innermost scope and
 * the lookup to restore after it. All null once it left every scope and lookup.
 */
public final class ThreadState {
  public static final int INNERMOST = 0, LOOKUP = 1;
  private static final ThreadLocal<AtomicReference<Object>> ANSWERS = new ThreadLocal<>();
  private static final ThreadLocal<Object[]> SCOPES = new ThreadLocal<>();

  private ThreadState() {}

  /** Returns the calling thread's answer or null, unchecked: a hit compares it with tags. */
  public static Object answer() {
    AtomicReference<Object> answer = answerIfAny();
    return answer == null ? null : answer.getPlain();
  }

  /** Returns the calling thread's answer, made on its first call; a fault leaves none made. */
  public static AtomicReference<Object> answerOfThisThread() {
    AtomicReference<Object> answer = answerIfAny();
    if (answer == null) {
      ANSWERS.set(answer = new AtomicReference<>());
    }
    return answer;
  }

  /** An interpreter's thread holds its answer in a field; other threads, in a thread-local. */
  private static AtomicReference<Object> answerIfAny() {
    return Thread.currentThread() instanceof InterpreterThread own ? own.answer : ANSWERS.get();
  }

  /** Returns the calling thread's innermost scope and lookup, made on its first call. */
  public static Object[] scopesOfThisThread() {
    Object[] scopes = SCOPES.get();
    if (scopes == null) {
      SCOPES.set(scopes = new Object[2]);
    }
    return scopes;
  }
}

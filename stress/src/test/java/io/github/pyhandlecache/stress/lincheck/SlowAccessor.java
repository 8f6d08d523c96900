package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The slow accessor of a model's host: each run returns a fresh {@link Computed}, numbered, and
 * stamped with the call that ran it (the one {@link #beginCall()} began on the thread).
 *
 * <p>Classes, not lambdas: Lincheck cannot read the fields of a lambda's hidden class, and warns.
 */
final class SlowAccessor {
  private static final ThreadLocal<Object> CALL = new ThreadLocal<>();

  private final AtomicInteger runs = new AtomicInteger();

  /** Begins a call on this thread: returns the stamp of the values the slow accessor computes. */
  static Object beginCall() {
    Object call = new Object();
    CALL.set(call);
    return call;
  }

  Computed run(PyInterpreter interpreter) {
    return new Computed(interpreter, runs.incrementAndGet(), CALL.get());
  }

  /** The slow accessor of one call, for {@code PyHandleCache.getOr}. */
  Supplier<Computed> runFor(PyInterpreter interpreter) {
    return new Run(this, interpreter);
  }

  private static final class Run implements Supplier<Computed> {
    private final SlowAccessor slowAccessor;
    private final PyInterpreter interpreter;

    Run(SlowAccessor slowAccessor, PyInterpreter interpreter) {
      this.slowAccessor = slowAccessor;
      this.interpreter = interpreter;
    }

    @Override
    public Computed get() {
      return slowAccessor.run(interpreter);
    }
  }
}

package io.github.pyhandlecache.soak;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The slow accessor of every {@link Host} accessor: computes a fresh {@link Value}, now and then
 * after a pause (so that misses overlap claims, closes and other misses) or by throwing a {@link
 * SlowAccessorFailure} instead. It records what it did in the calling thread's {@link Call}.
 */
final class SlowAccessor {
  /** Out of 1,024 runs: how many throw, and how many pause before they return. */
  private static final int THROWS = 16;
  private static final int PAUSES = 64;
  private static final long LONGEST_PAUSE_NANOS = 400_000;

  private static final ThreadLocal<Caller> CALLERS = new ThreadLocal<>();

  private SlowAccessor() {}

  /** A soak thread's state that its slow accessor runs use: the call in progress, the dice. */
  static final class Caller {
    Call call;
    final SplittableRandom random;
    final Figures figures;

    Caller(SplittableRandom random, Figures figures) {
      this.random = random;
      this.figures = figures;
    }
  }

  /** Makes {@code caller} the calling thread's until {@link #detach()}. */
  static void attach(Caller caller) {
    CALLERS.set(caller);
  }

  static void detach() {
    CALLERS.remove();
  }

  static Value compute(Host host, Accessor accessor, PyInterpreter interpreter) {
    Caller caller = CALLERS.get();
    if (caller == null || caller.call == null) { // a thread that checks nothing
      return new Value(interpreter, host.id, accessor, Tickets.next());
    }
    Call call = caller.call;
    call.slowRuns++;
    int roll = caller.random.nextInt(1024);
    if (roll < THROWS) {
      SlowAccessorFailure failure = new SlowAccessorFailure(
          "slow accessor " + accessor + " of " + host + " failed on purpose");
      call.failure = failure;
      caller.figures.failuresThrown.increment();
      throw failure;
    } else if (roll < THROWS + PAUSES) {
      LockSupport.parkNanos(caller.random.nextLong(LONGEST_PAUSE_NANOS));
    }
    Value value = new Value(interpreter, host.id, accessor, Tickets.next());
    call.computed = value;
    return value;
  }
}

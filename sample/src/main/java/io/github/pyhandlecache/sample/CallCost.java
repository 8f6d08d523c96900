package io.github.pyhandlecache.sample;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Times one kind of call with a warm loop: a demonstration measurement, not a benchmark harness.
 * Good enough to tell nanoseconds from microseconds.
 *
 * <p>A measurement is the best of {@link #WINDOWS} short windows, each the mean of many calls: the
 * best window is the one least disturbed by other processes on the machine. The slow path needs a
 * long warm-up: on a stock JDK, GraalPy runs Python in Truffle's interpreter, which is itself Java
 * code that HotSpot compiles over the first seconds, and a hit's loop may wait in the compiler's
 * queue behind it. So measurements repeat until two in a row agree while the JIT compiled nothing.
 */
final class CallCost {
  /** Makes {@code calls} calls of the kind being timed, in its own loop, and returns any result. */
  @FunctionalInterface
  interface Batch {
    Object run(int calls);
  }

  static final int WINDOWS = 10;
  static final Duration WINDOW = Duration.ofMillis(10);
  static final double TOLERANCE = 0.10;
  static final int MIN_WARM_UP_ROUNDS = 3;
  static final Duration MAX_WARM_UP = Duration.ofSeconds(4);

  private static final long MIN_BATCH_NANOS = Duration.ofMillis(1).toNanos();
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  /** A result of every batch, so that the JIT cannot drop the calls. */
  private static volatile Object sink;

  private CallCost() {}

  /**
   * Returns the mean time of one call in the best of {@link #WINDOWS} windows, once two such
   * measurements in a row agree within {@link #TOLERANCE} and the JIT compiled nothing during the
   * second; after {@link #MIN_WARM_UP_ROUNDS} at least and {@link #MAX_WARM_UP} at most.
   */
  static double nanosPerCall(Batch batch) {
    int calls = growUntilSlowEnough(batch);
    long warmUpEnd = System.nanoTime() + MAX_WARM_UP.toNanos();
    double previous = bestOfWindows(batch, calls);
    for (int round = 1; ; round++) {
      long compilingBefore = jitMillis();
      double current = bestOfWindows(batch, calls);
      boolean jitIdle = jitMillis() == compilingBefore;
      boolean agree = Math.abs(current - previous) <= TOLERANCE * Math.min(current, previous);
      if ((agree && jitIdle && round >= MIN_WARM_UP_ROUNDS) || System.nanoTime() > warmUpEnd) {
        return current;
      }
      previous = current;
    }
  }

  /**
   * Runs {@code batch} until the JIT compiled nothing for one round of {@link #WINDOWS} windows, or
   * for {@code max}, and returns how long that took.
   */
  static Duration warmUp(Batch batch, Duration max) {
    int calls = growUntilSlowEnough(batch);
    long start = System.nanoTime();
    long compilingBefore;
    do {
      compilingBefore = jitMillis();
      bestOfWindows(batch, calls);
    } while (jitMillis() != compilingBefore && System.nanoTime() - start < max.toNanos());
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Total time the JIT has spent compiling, or 0 where the JVM does not tell. */
  private static long jitMillis() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported()
        ? JIT.getTotalCompilationTime()
        : 0;
  }

  /** Doubles the batch size until a batch takes long enough to time with {@code nanoTime}. */
  private static int growUntilSlowEnough(Batch batch) {
    int calls = 1;
    while (calls < (1 << 30)) {
      long start = System.nanoTime();
      sink = batch.run(calls);
      if (System.nanoTime() - start >= MIN_BATCH_NANOS) {
        break;
      }
      calls *= 2;
    }
    return calls;
  }

  private static double bestOfWindows(Batch batch, int calls) {
    double best = Double.MAX_VALUE;
    for (int window = 0; window < WINDOWS; window++) {
      best = Math.min(best, meanNanos(batch, calls, WINDOW));
    }
    return best;
  }

  private static double meanNanos(Batch batch, int calls, Duration duration) {
    long totalCalls = 0;
    long start = System.nanoTime();
    long elapsed;
    do {
      sink = batch.run(calls);
      totalCalls += calls;
      elapsed = System.nanoTime() - start;
    } while (elapsed < duration.toNanos());
    return (double) elapsed / totalCalls;
  }
}

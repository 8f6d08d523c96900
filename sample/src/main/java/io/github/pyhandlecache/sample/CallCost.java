package io.github.pyhandlecache.sample;

import java.time.Duration;

/**
 * Times one kind of call with a warm loop: a demonstration measurement, not a benchmark harness.
 * Good enough to tell nanoseconds from microseconds.
 *
 * <p>The slow path needs a long warm-up: on a stock JDK, GraalPy runs Python in Truffle's
 * interpreter, which is itself Java code that HotSpot compiles over the first seconds. So each
 * measurement first runs its calls until two consecutive windows agree, then times them.
 */
final class CallCost {
  /** Makes {@code calls} calls of the kind being timed, in its own loop, and returns any result. */
  @FunctionalInterface
  interface Batch {
    Object run(int calls);
  }

  static final Duration WINDOW = Duration.ofMillis(100);
  static final double TOLERANCE = 0.15;
  static final Duration MAX_WARM_UP = Duration.ofSeconds(5);
  static final Duration MEASUREMENT = Duration.ofMillis(300);

  private static final long MIN_BATCH_NANOS = Duration.ofMillis(2).toNanos();

  /** A result of every batch, so that the JIT cannot drop the calls. */
  private static volatile Object sink;

  private CallCost() {}

  /**
   * Warms {@code batch} up until the mean time of a call in two consecutive {@link #WINDOW}s differs
   * by at most {@link #TOLERANCE} (or for {@link #MAX_WARM_UP} at most), then returns the mean time
   * of a call over {@link #MEASUREMENT}.
   */
  static double nanosPerCall(Batch batch) {
    int calls = growUntilSlowEnough(batch);
    long warmUpEnd = System.nanoTime() + MAX_WARM_UP.toNanos();
    double previous = meanNanos(batch, calls, WINDOW);
    while (System.nanoTime() < warmUpEnd) {
      double current = meanNanos(batch, calls, WINDOW);
      if (Math.abs(current - previous) <= TOLERANCE * Math.min(current, previous)) {
        break;
      }
      previous = current;
    }
    return meanNanos(batch, calls, MEASUREMENT);
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

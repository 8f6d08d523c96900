package io.github.pyhandlecache.sample;

import java.time.Duration;

/**
 * Times one kind of call with a warm loop: a demonstration measurement, not a benchmark harness
 * (the project's JMH benchmarks are that). Good enough to tell nanoseconds from microseconds.
 */
final class CallCost {
  /** Makes {@code calls} calls of the kind being timed, in its own loop, and returns any result. */
  @FunctionalInterface
  interface Batch {
    Object run(int calls);
  }

  private static final long MIN_BATCH_NANOS = Duration.ofMillis(5).toNanos();

  /** A result of every batch, so that the JIT cannot drop the calls. */
  private static volatile Object sink;

  private CallCost() {}

  /**
   * Runs {@code batch} with growing batch sizes for half of {@code budget} to warm it up, then for
   * the other half, and returns the mean time of one call in that second half.
   */
  static double nanosPerCall(Batch batch, Duration budget) {
    long half = budget.toNanos() / 2;
    int calls = growUntilSlowEnough(batch);
    runFor(batch, calls, half);
    long[] measured = runFor(batch, calls, half);
    return (double) measured[0] / measured[1];
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

  /** Returns the nanoseconds spent and the number of calls made. */
  private static long[] runFor(Batch batch, int calls, long nanos) {
    long totalCalls = 0;
    long start = System.nanoTime();
    long elapsed;
    do {
      sink = batch.run(calls);
      totalCalls += calls;
      elapsed = System.nanoTime() - start;
    } while (elapsed < nanos);
    return new long[] {elapsed, totalCalls};
  }
}

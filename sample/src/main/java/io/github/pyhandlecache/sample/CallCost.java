package io.github.pyhandlecache.sample;

import java.time.Duration;
import java.util.Arrays;

/**
 * Times kinds of call with warm loops: a demonstration measurement, not a benchmark harness. Good
 * enough to tell nanoseconds from microseconds.
 *
 * <p>The kinds are timed together, round after round, and each keeps its best window: the one
 * least disturbed by other processes, and by the JIT still catching up. That matters here: on a
 * stock JDK, GraalPy runs Python in Truffle's interpreter, which is itself Java code that HotSpot
 * compiles over the first seconds, and a new loop may wait in the compiler's queue behind it.
 */
final class CallCost {
  /** Makes {@code calls} calls of the kind being timed, in its own loop, and returns any result. */
  @FunctionalInterface
  interface Batch {
    Object run(int calls);
  }

  static final int WINDOWS_PER_ROUND = 5;
  static final Duration WINDOW = Duration.ofMillis(10);
  /** Rounds stop once no best has improved by more than this for {@link #QUIET_TIME}. */
  static final double TOLERANCE = 0.10;
  static final Duration QUIET_TIME = Duration.ofMillis(2500);
  static final Duration MAX_TIME = Duration.ofSeconds(12);

  private static final long MIN_BATCH_NANOS = Duration.ofMillis(1).toNanos();

  /** A result of every batch, so that the JIT cannot drop the calls. */
  private static volatile Object sink;

  private CallCost() {}

  /**
   * Returns, for each of {@code batches}, the mean time of one call in its best window, once no
   * best has improved by more than {@link #TOLERANCE} for {@link #QUIET_TIME}, or after {@link
   * #MAX_TIME}.
   */
  static double[] bestNanosPerCall(Batch... batches) {
    int[] calls = new int[batches.length];
    for (int i = 0; i < batches.length; i++) {
      calls[i] = growUntilSlowEnough(batches[i]);
    }
    double[] best = new double[batches.length];
    Arrays.fill(best, Double.MAX_VALUE);
    long start = System.nanoTime();
    long lastImprovement = start;
    long now = start;
    while (now - lastImprovement < QUIET_TIME.toNanos() && now - start < MAX_TIME.toNanos()) {
      for (int i = 0; i < batches.length; i++) {
        for (int window = 0; window < WINDOWS_PER_ROUND; window++) {
          double mean = meanNanos(batches[i], calls[i]);
          if (mean < best[i] * (1 - TOLERANCE)) {
            lastImprovement = System.nanoTime();
          }
          best[i] = Math.min(best[i], mean);
          // Calls get faster as the JIT compiles them: keep each batch long enough that what a
          // batch costs by itself (entering an interpreter, say) stays out of the mean.
          if (mean * calls[i] < MIN_BATCH_NANOS && calls[i] < (1 << 30)) {
            calls[i] *= 2;
          }
        }
      }
      now = System.nanoTime();
    }
    return best;
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

  /** The mean time of a call over one {@link #WINDOW}. */
  private static double meanNanos(Batch batch, int calls) {
    long totalCalls = 0;
    long start = System.nanoTime();
    long elapsed;
    do {
      sink = batch.run(calls);
      totalCalls += calls;
      elapsed = System.nanoTime() - start;
    } while (elapsed < WINDOW.toNanos());
    return (double) elapsed / totalCalls;
  }
}

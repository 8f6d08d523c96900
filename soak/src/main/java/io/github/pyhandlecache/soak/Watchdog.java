package io.github.pyhandlecache.soak;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Progress: no call may take longer than a limit. Each soak thread says when its call in progress
 * began; the watchdog looks every 100 ms and reports a call past the limit, with its thread's
 * stack, once, and stops the soak.
 */
final class Watchdog implements Runnable {
  /** A soak thread: when its call in progress began ({@code System.nanoTime()}), or 0. */
  interface Watched {
    long busySince();
  }

  private final Soak soak;
  private final long limitNanos;
  private final Map<Watched, Thread> watched = new ConcurrentHashMap<>();

  Watchdog(Soak soak, long limitNanos) {
    this.soak = soak;
    this.limitNanos = limitNanos;
  }

  /** Watches {@code thread}'s calls, until {@link #forget}: call on that thread. */
  void watch(Watched calls) {
    watched.put(calls, Thread.currentThread());
  }

  void forget(Watched calls) {
    watched.remove(calls);
  }

  @Override
  public void run() {
    while (soak.running()) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      watched.forEach((calls, thread) -> {
        long since = calls.busySince();
        if (since != 0 && now - since > limitNanos) {
          soak.checker.violation("progress: " + thread.getName() + " has been in one call for "
              + TimeUnit.NANOSECONDS.toSeconds(now - since) + " s (the limit is "
              + TimeUnit.NANOSECONDS.toSeconds(limitNanos) + " s):" + stackOf(thread));
          watched.remove(calls);
          soak.abort("a call made no progress");
        }
      });
    }
  }

  private static String stackOf(Thread thread) {
    StringBuilder stack = new StringBuilder();
    StackTraceElement[] frames = thread.getStackTrace();
    for (int i = 0; i < Math.min(frames.length, 16); i++) {
      stack.append("\n    at ").append(frames[i]);
    }
    return stack.toString();
  }
}

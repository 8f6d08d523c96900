package io.github.pyhandlecache.soak;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.consumer.RecordingStream;

/**
 * Counts the runtime's JDK Flight Recorder events as they stream in: the claims, reclaims and
 * bypasses that a call cannot tell from outside, and the slots that close() released. Lower
 * bounds: a StackOverflowError that strikes JFR's writing of an event makes JFR lose events
 * (with no closes at a random depth, the soak counts one Release event per close).
 */
final class CacheEvents implements AutoCloseable {
  private static final String PREFIX = "io.github.pyhandlecache.";

  final LongAdder claims = new LongAdder();
  final LongAdder reclaims = new LongAdder();
  final LongAdder bypasses = new LongAdder();
  final LongAdder noInterpreter = new LongAdder();
  final LongAdder releases = new LongAdder();
  final LongAdder released = new LongAdder();
  /** Bytes of events that JFR dropped (jdk.DataLoss): then the counts are lower bounds. */
  final LongAdder bytesLost = new LongAdder();
  private final AtomicLong flushes = new AtomicLong();
  private final RecordingStream stream = new RecordingStream();

  CacheEvents() {
    count("Claim", claims);
    count("Reclaim", reclaims);
    count("Bypass", bypasses);
    count("NoInterpreter", noInterpreter);
    count("Release", releases);
    stream.onEvent(PREFIX + "Release", event -> released.add(event.getInt("released")));
    stream.enable("jdk.DataLoss");
    stream.onEvent("jdk.DataLoss", event -> bytesLost.add(event.getLong("amount")));
    stream.onFlush(flushes::incrementAndGet);
    stream.setOrdered(false); // else it holds each flush's events to sort them: heap it can't spare
    stream.startAsync();
  }

  /**
   * Waits for the events recorded so far to be counted, then stops: for two flushes (JFR flushes
   * every second), or 3 s, as an idle stream may report no flush.
   */
  @Override
  public void close() {
    long seen = flushes.get();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (flushes.get() < seen + 2 && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    stream.close();
  }

  private void count(String event, LongAdder counter) {
    stream.enable(PREFIX + event);
    stream.onEvent(PREFIX + event, recorded -> counter.increment());
  }
}

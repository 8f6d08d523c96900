package io.github.pyhandlecache.jfr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.SortedSet;
import java.util.TreeSet;
import jdk.jfr.consumer.RecordedEvent;

/** Counts the miss events of one accessor and slot count, as a recording is read. */
final class AccessorTally {
  private final String accessor;
  private final int slots;
  private final SortedSet<String> interpreters = new TreeSet<>();
  private long claims;
  private long reclaims;
  private long bypasses;
  private long withoutInterpreter;
  private Duration slowAccessorTime = Duration.ZERO;

  AccessorTally(String accessor, int slots) {
    this.accessor = accessor;
    this.slots = slots;
  }

  /** Adds a miss event of this accessor; {@code name} is its type's. */
  void add(String name, RecordedEvent event) {
    switch (name) {
      case CacheEventNames.CLAIM -> claims++;
      case CacheEventNames.RECLAIM -> reclaims++;
      case CacheEventNames.BYPASS -> bypasses++;
      case CacheEventNames.NO_INTERPRETER -> withoutInterpreter++;
      default -> throw new IllegalArgumentException("not a miss event: " + name);
    }
    slowAccessorTime = slowAccessorTime.plus(event.getDuration());
    String interpreter = event.getString("interpreter");
    if (interpreter != null) {
      interpreters.add(interpreter);
    }
  }

  AccessorRow toRow() {
    return new AccessorRow(
        accessor,
        slots,
        claims,
        reclaims,
        bypasses,
        withoutInterpreter,
        slowAccessorTime,
        new ArrayList<>(interpreters));
  }
}

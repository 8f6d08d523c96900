package io.github.pyhandlecache.jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The cache's events in a JDK Flight Recorder recording, per accessor, with advice: which
 * accessors have too few slots. Needs nothing but the JDK:
 *
 * <pre>{@code
 * java -jar pyhandlecache-jfr.jar rec.jfr
 * }</pre>
 *
 * <p>The advice follows one rule: an accessor whose misses include at least {@value
 * #ADVICE_MINIMUM} bypasses, and at least as many bypasses as claims (reclaims included), has too
 * few slots for the interpreters that use it, and is named with "raise slots (now N)". Claims are
 * a slot's first fill, which more slots would not save; a bypass is a slow call that one more slot
 * could have saved, again and again. An accessor with at least {@value #ADVICE_MINIMUM} calls
 * without an interpreter is named too: more slots would not help those.
 */
public final class CacheEventSummary {
  /** The fewest bypasses, or calls without an interpreter, that draw advice. */
  public static final long ADVICE_MINIMUM = 100;

  private static final int INTERPRETERS_SHOWN = 5;

  /** The most slots {@code @PyHandleCached} allows: beyond it, advice cannot be to raise slots. */
  private static final int MOST_SLOTS = 16;

  private final List<AccessorRow> rows;
  private final long closes;
  private final long releasedSlots;
  private final Duration releaseTime;

  private CacheEventSummary(
      List<AccessorRow> rows, long closes, long releasedSlots, Duration releaseTime) {
    this.rows = List.copyOf(rows);
    this.closes = closes;
    this.releasedSlots = releasedSlots;
    this.releaseTime = releaseTime;
  }

  /**
   * Reads a recording file, skipping every event but the cache's.
   *
   * @param recording the recording file
   * @return the summary of its cache events
   * @throws IOException if the file cannot be read or is not a recording
   */
  public static CacheEventSummary read(Path recording) throws IOException {
    Builder builder = new Builder();
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        builder.add(file.readEvent());
      }
    }
    return builder.build();
  }

  /**
   * Runs {@code calls} under a recording of every event of the cache, writes the recording to
   * {@code file} and returns its summary: what {@code -XX:StartFlightRecording} and {@link #read}
   * do, for one piece of code.
   *
   * @param file where the recording is written
   * @param calls the code to record
   * @return the summary of its cache events
   * @throws IOException if the recording cannot be written or read
   */
  public static CacheEventSummary record(Path file, Runnable calls) throws IOException {
    try (Recording recording = new Recording()) {
      CacheEventNames.ALL.forEach(recording::enable);
      recording.start();
      calls.run();
      recording.stop();
      Path directory = file.toAbsolutePath().getParent();
      if (directory != null) {
        Files.createDirectories(directory);
      }
      recording.dump(file);
    }
    return read(file);
  }

  /**
   * Returns a row for each accessor and slot count that missed, by accessor, then slots.
   *
   * @return the rows
   */
  public List<AccessorRow> rows() {
    return rows;
  }

  /**
   * Returns how many {@code PyInterpreter.close()} calls recorded a release.
   *
   * @return the number of recorded releases
   */
  public long closes() {
    return closes;
  }

  /**
   * Returns how many slots those calls released in all.
   *
   * @return the number of released slots
   */
  public long releasedSlots() {
    return releasedSlots;
  }

  /**
   * Returns how long those calls took in all.
   *
   * @return the total duration of the releases
   */
  public Duration releaseTime() {
    return releaseTime;
  }

  /**
   * Returns one line of advice for each accessor that the rule in the class description names:
   * {@code "Foo.op(PyInterpreter): raise slots (now 2): ..."}. Empty if none.
   *
   * @return the lines of advice, possibly empty
   */
  public List<String> advice() {
    List<String> advice = new ArrayList<>();
    for (AccessorRow row : rows) {
      long claims = row.claims() + row.reclaims();
      if (row.bypasses() >= ADVICE_MINIMUM && row.bypasses() >= claims) {
        String counts =
            count(row.bypasses(), "bypass", "bypasses") + ", " + count(claims, "claim", "claims")
                + ", " + count(row.interpreters().size(), "interpreter", "interpreters");
        advice.add(
            row.slots() < MOST_SLOTS
                ? row.accessor() + ": raise slots (now " + row.slots() + "): " + counts
                : row.accessor() + ": slots is at its maximum (" + row.slots() + "): " + counts
                    + "; fewer interpreters should share these objects");
      }
      if (row.withoutInterpreter() >= ADVICE_MINIMUM) {
        advice.add(
            row.accessor() + ": " + row.withoutInterpreter() + " calls had no interpreter and"
                + " cached nothing: enter an interpreter, or pass one");
      }
    }
    return advice;
  }

  /**
   * Returns the rows as an aligned table, then the releases, then the advice.
   *
   * @return the formatted summary
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    if (rows.isEmpty() && closes == 0) {
      return out.append("No pyhandlecache events: none missed, or the recording did not enable")
          .append(" them (see ").append(CacheEventNames.class.getName()).append(")\n")
          .toString();
    }
    TextTable table =
        new TextTable(
            "accessor", ">slots", ">claims", ">reclaims", ">bypasses", ">no interpreter",
            ">slow accessor ms", "interpreters");
    for (AccessorRow row : rows) {
      table.row(
          row.accessor(),
          row.slots(),
          row.claims(),
          row.reclaims(),
          row.bypasses(),
          row.withoutInterpreter(),
          millis(row.slowAccessorTime()),
          names(row.interpreters()));
    }
    out.append(table);
    out.append("\nclose(): ");
    if (closes == 0) {
      out.append("none recorded\n");
    } else {
      out.append(count(closes, "call", "calls")).append(" released ")
          .append(count(releasedSlots, "slot", "slots")).append(" in ")
          .append(millis(releaseTime)).append(" ms\n");
    }
    List<String> advice = advice();
    if (advice.isEmpty()) {
      out.append("\nAdvice: none (no accessor has ").append(ADVICE_MINIMUM)
          .append(" bypasses and as many as its claims)\n");
    } else {
      out.append("\nAdvice:\n");
      advice.forEach(line -> out.append("  ").append(line).append('\n'));
    }
    return out.toString();
  }

  /** Returns {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }

  /**
   * Prints the summary of the recording file named by the only argument.
   *
   * @param args the recording file
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println(
          "usage: java -jar pyhandlecache-jfr.jar recording.jfr");
      System.exit(2);
    }
    CacheEventSummary summary;
    try {
      summary = read(Path.of(args[0]));
    } catch (IOException e) {
      System.err.println("cannot read " + args[0] + ": " + e);
      System.exit(1);
      return;
    }
    System.out.print(summary.format());
  }

  private static String count(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e6);
  }

  private static String names(List<String> interpreters) {
    if (interpreters.size() <= INTERPRETERS_SHOWN) {
      return String.join(", ", interpreters);
    }
    return String.join(", ", interpreters.subList(0, INTERPRETERS_SHOWN))
        + " and " + (interpreters.size() - INTERPRETERS_SHOWN) + " more";
  }

  /** Adds events one by one, then builds the summary. Keeps no reference to an event. */
  static final class Builder {
    private final Map<String, AccessorTally> tallies = new LinkedHashMap<>();
    private long closes;
    private long releasedSlots;
    private Duration releaseTime = Duration.ZERO;

    /** Adds {@code event} if it is one of the cache's; ignores any other. */
    Builder add(RecordedEvent event) {
      String name = event.getEventType().getName();
      switch (name) {
        case CacheEventNames.CLAIM,
            CacheEventNames.RECLAIM,
            CacheEventNames.BYPASS,
            CacheEventNames.NO_INTERPRETER -> {
          String accessor = event.getString("accessor");
          int slots = event.getInt("slots");
          tallies
              .computeIfAbsent(accessor + '\0' + slots, key -> new AccessorTally(accessor, slots))
              .add(name, event);
        }
        case CacheEventNames.RELEASE -> {
          closes++;
          releasedSlots += event.getInt("released");
          releaseTime = releaseTime.plus(event.getDuration());
        }
        default -> {}
      }
      return this;
    }

    /** Returns a summary of the events added so far. */
    CacheEventSummary build() {
      List<AccessorRow> rows = new ArrayList<>();
      tallies.values().forEach(tally -> rows.add(tally.toRow()));
      rows.sort(Comparator.comparing(AccessorRow::accessor).thenComparingInt(AccessorRow::slots));
      return new CacheEventSummary(rows, closes, releasedSlots, releaseTime);
    }
  }
}

package io.github.pyhandlecache.benchmarks;

import io.github.pyhandlecache.benchmarks.operators.Operator;
import io.github.pyhandlecache.benchmarks.operators.PyObjectStub;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@link HitBenchmark#generatedExplicit} and {@link MissBenchmark#bypassOwnedByOther} again, while
 * a JDK Flight Recorder recording enables every event of the cache (threshold 0, no stack traces).
 * A hit records nothing, so it should cost the same; a bypass records one event per call.
 *
 * <p>The recording goes to {@code java.io.tmpdir} ({@code benchmarks/target/tmp/} under {@code
 * benchmarks/run}), at most {@value #MAX_RECORDING_MB} MB of it, and the tear-down checks that it
 * holds the events the benchmark should have caused.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Thread)
public class RecordingBenchmark {
  static final List<String> EVENTS = List.of(
      "io.github.pyhandlecache.Claim",
      "io.github.pyhandlecache.Bypass",
      "io.github.pyhandlecache.Reclaim",
      "io.github.pyhandlecache.NoInterpreter",
      "io.github.pyhandlecache.Release");
  private static final int MAX_RECORDING_MB = 16;
  private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final String NAME = "aten::add";

  private PyInterpreter interpreter;
  private Operator generated;
  private Operator ownedByOther;
  private Recording recording;
  private Path recordingFile;

  @Setup(Level.Trial)
  public void startRecording(BenchmarkParams params) throws IOException {
    recording = new Recording();
    for (String event : EVENTS) {
      recording.enable(event).withThreshold(java.time.Duration.ZERO).withoutStackTrace();
    }
    recording.setToDisk(true);
    recording.setMaxSize(MAX_RECORDING_MB * 1024L * 1024L);
    String benchmark = params.getBenchmark();
    recordingFile = Path.of(System.getProperty("java.io.tmpdir")).resolve("jfr")
        .resolve(benchmark.substring(benchmark.lastIndexOf('.') + 1) + "-"
            + ProcessHandle.current().pid() + ".jfr");
    Files.createDirectories(recordingFile.getParent());
    recording.setDestination(recordingFile);
    recording.start();

    interpreter = PyInterpreter.create("main"); // its first claim below is recorded
    generated = Operator.create(NAME);
    PyInterpreter other = PyInterpreter.create("other"); // stays open: its slot is never reclaimed
    ownedByOther = Operator.create(NAME);
    ownedByOther.pyObject(other);
    if (generated.pyObject(interpreter) != generated.pyObject(interpreter)
        || ownedByOther.pyObject(interpreter) == ownedByOther.pyObject(interpreter)) {
      throw new IllegalStateException("fixtures are not as the benchmarks expect");
    }
    settle(params.getBenchmark().endsWith("bypassRecorded") ? ownedByOther : generated);
  }

  /**
   * Starting a recording loads and compiles much of JFR and retransforms the event classes: let
   * that work end, calling the benchmarked path meanwhile, before JMH's warm-up starts.
   */
  private void settle(Operator benchmarked) {
    long end = System.nanoTime() + SETTLE_NANOS;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 1_000; i++) {
        benchmarked.pyObject(interpreter);
      }
    }
  }

  @TearDown(Level.Trial)
  public void stopRecording(BenchmarkParams params) throws IOException {
    recording.stop(); // writes recordingFile
    recording.close();
    String expected = params.getBenchmark().endsWith("bypassRecorded")
        ? "io.github.pyhandlecache.Bypass"
        : "io.github.pyhandlecache.Claim";
    if (!contains(recordingFile, expected)) {
      throw new IllegalStateException("no " + expected + " event in " + recordingFile);
    }
  }

  private static boolean contains(Path file, String eventName) throws IOException {
    try (RecordingFile events = new RecordingFile(file)) {
      while (events.hasMoreEvents()) {
        if (events.readEvent().getEventType().getName().equals(eventName)) {
          return true;
        }
      }
    }
    return false;
  }

  @Benchmark
  public PyObjectStub generatedExplicitRecorded() {
    return generated.pyObject(interpreter);
  }

  @Benchmark
  public PyObjectStub bypassRecorded() {
    return ownedByOther.pyObject(interpreter);
  }
}

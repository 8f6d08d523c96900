package io.github.pyhandlecache.benchmarks.report;

import com.google.gson.Gson;
import io.github.pyhandlecache.benchmarks.compiletime.CompileTimeBenchmark;
import io.github.pyhandlecache.benchmarks.compiletime.CompileTimeRow;
import io.github.pyhandlecache.benchmarks.footprint.Footprint;
import io.github.pyhandlecache.benchmarks.footprint.FootprintRow;
import io.github.pyhandlecache.benchmarks.scale.ScaleResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run of {@code benchmarks/run} wrote into its results directory, which is all the
 * page shows: the JSON of its two JMH invocations, of the scale report, the footprint report and
 * the compile-time benchmark, the machine's description and the commands that measured.
 */
record RunData(JmhRun jmh, ScaleResult scale, Footprint footprint,
    List<CompileTimeRow> compileTime, Machine machine, String commands) {

  static RunData read(Path results) throws IOException {
    Gson gson = new Gson();
    return new RunData(
        JmhRun.read(results.resolve("jmh.json"), results.resolve("jmh-interpreter-threads.json")),
        gson.fromJson(Files.readString(results.resolve("scale.json")), ScaleResult.class),
        gson.fromJson(Files.readString(results.resolve("footprint.json")), Footprint.class),
        List.of(gson.fromJson(Files.readString(results.resolve("compile-time.json")),
            CompileTimeRow[].class)),
        gson.fromJson(Files.readString(results.resolve("machine.json")), Machine.class),
        Files.readString(results.resolve("commands.txt")).strip());
  }

  /** This processor's compile-time row. */
  CompileTimeRow compileTimeOfThisProcessor() {
    return compileTime.stream()
        .filter(row -> row.variant().equals(CompileTimeBenchmark.PY_HANDLE_CACHE_PROCESSOR))
        .findFirst()
        .orElseThrow();
  }

  /** The compile-time row of an earlier commit's processor, if the run had one. */
  Optional<CompileTimeRow> compileTimeOfBaseline() {
    return compileTime.stream()
        .filter(row -> row.variant().startsWith(CompileTimeBenchmark.BASELINE_PREFIX))
        .findFirst();
  }

  /** The footprint row of one of this project's accessors. */
  FootprintRow footprint(String cache, String value, String state) {
    return footprint.rows().stream()
        .filter(row -> row.cache().equals(cache) && row.value().equals(value)
            && row.state().equals(state))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no footprint row " + cache + ", "
            + value + ", " + state));
  }

  /** The row of the scale report with {@code key}. */
  ScaleResult.Row scaleRow(String key) {
    return scale.rows().stream().filter(row -> row.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no scale row " + key));
  }

  /** A scale row's heap per host above the baseline without a cache. */
  Amount heapAbovePlain(String key) {
    return Amount.best(scaleRow(key).heapBytesPerHost())
        .minus(Amount.best(scaleRow("none").heapBytesPerHost()));
  }

  /** A scale row's claim, ns per claim. */
  Amount claimNanos(String key) {
    return Amount.best(scaleRow(key).runs().stream().map(ScaleResult.Run::claimNanos).toList());
  }

  /**
   * A scale row's claim time, ns, as the mean of its runs: the steady state over all of them,
   * with the runs that purged their interpreters' registrations of collected hosts, which the best
   * run may have left to others.
   */
  double claimMeanNanos(String key) {
    return scaleRow(key).runs().stream().mapToDouble(ScaleResult.Run::claimNanos).average()
        .orElse(Double.NaN);
  }

  /** A scale row's claim time over the seed's, best runs. */
  Ratio claimOverSeed(String key) {
    return Ratio.of(claimNanos(key), claimNanos("seed"));
  }

  /** A scale row's mean claim time over the seed's. */
  double meanClaimOverSeed(String key) {
    return claimMeanNanos(key) / claimMeanNanos("seed");
  }

  /** A scale row's allocation, B per claim. */
  Amount claimBytes(String key) {
    return Amount.best(scaleRow(key).runs().stream().map(ScaleResult.Run::claimBytes).toList());
  }

  /** The measured run of a scale row whose claims took the least time. */
  ScaleResult.Run bestRun(String key) {
    return scaleRow(key).runs().stream()
        .min((a, b) -> Double.compare(a.claimNanos(), b.claimNanos()))
        .orElseThrow();
  }
}

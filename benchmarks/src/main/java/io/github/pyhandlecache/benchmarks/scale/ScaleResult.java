package io.github.pyhandlecache.benchmarks.scale;

import java.util.List;

/**
 * What {@link ScaleReport} measured: per variant, the heap per host and the cost of a claim, on
 * {@code hosts} hosts.
 *
 * @param hosts how many hosts each measurement creates
 * @param forks how many JVMs measured each variant, one after another
 * @param jvmOptions the options of the JVMs that measured (their heap and collector)
 * @param collectors the names of their garbage collectors
 * @param rows one per variant, the baseline (no cache) first
 */
public record ScaleResult(int hosts, int forks, List<String> jvmOptions, List<String> collectors,
    List<Row> rows) {

  /**
   * One variant: a host class and how many interpreters claim each host.
   *
   * @param key how the benchmark page finds the row
   * @param label what the page calls it
   * @param slots the accessor's slots (0: no cache)
   * @param claimants how many interpreters claim each host, one after another
   * @param heapBytesPerHost the heap used after collection, per host, with the hosts claimed and
   *     the interpreters alive, minus the same before the hosts were created; one per repetition,
   *     of every fork
   * @param warmUp the last warm-up run of the first fork, not counted
   * @param runs the measured runs of every fork
   */
  public record Row(String key, String label, int slots, int claimants,
      List<Double> heapBytesPerHost, Run warmUp, List<Run> runs) {}

  /**
   * One run: creating {@code hosts} fresh hosts, then each claimant claiming every one.
   *
   * @param constructNanosPerHost wall time of the loop creating the hosts, per host
   * @param constructBytesPerHost what that loop allocated (the thread's counter), per host, the
   *     array that holds them included
   * @param claimNanos wall time of the claim loops, per claim (collections during them included);
   *     NaN with no claimant
   * @param claimBytes what the claim loops allocated (the thread's counter), per claim; NaN with no
   *     claimant
   * @param claimCollections collections during the claim loops
   * @param claimCollectionMillis their time, as the collectors count it
   */
  public record Run(double constructNanosPerHost, double constructBytesPerHost, double claimNanos,
      double claimBytes, long claimCollections, long claimCollectionMillis) {}
}

package io.github.pyhandlecache.benchmarks.report;

import java.util.List;

/**
 * One benchmark of a JMH run, as the page reports it.
 *
 * @param method the benchmark method's name, followed by its parameters' values in brackets if it
 *     has any, e.g. {@code registryGenerated[10000]}
 * @param median the median of all measured iterations of all forks
 * @param error JMH's error: half the 99.9% confidence interval of the mean (NaN if too few samples)
 * @param unit the score's unit, e.g. {@code ns/op} or {@code ops/us}
 * @param samples how many iterations the median is over
 * @param bytesPerOp allocation per operation from {@code -prof gc}, or NaN without it
 * @param collections collections during the measured iterations from {@code -prof gc}, or NaN
 * @param forkMedians the median of each fork's iterations, in fork order
 * @param jvmArgs the options the forks ran with
 */
public record JmhResult(String method, double median, double error, String unit, int samples,
    double bytesPerOp, double collections, List<Double> forkMedians, List<String> jvmArgs) {
  /** The ratio of this result to {@code base}, both scored in the same unit. */
  public Ratio over(JmhResult base) {
    return Ratio.of(median, error, base.median, base.error);
  }

  /** The fork medians, e.g. {@code 4.27 / 172.85 / 2.63}. */
  public String forks() {
    return String.join(" / ", forkMedians.stream().map(m -> String.format("%.2f", m)).toList());
  }
}

package io.github.pyhandlecache.benchmarks.report;

import io.github.pyhandlecache.benchmarks.report.Ratio.Verdict;
import java.util.List;

/**
 * A measurement of the scale report, from repeated runs: the best (lowest) run, and as its error
 * the spread of the runs (highest minus lowest), so that the interval holds every run.
 *
 * @param value the lowest of the runs
 * @param error the highest minus the lowest
 */
record Amount(double value, double error) {
  static Amount best(List<Double> runs) {
    double lowest = runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double highest = runs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return new Amount(lowest, highest - lowest);
  }

  /** This minus {@code other}, with the errors added: a difference of two spreads. */
  Amount minus(Amount other) {
    return new Amount(value - other.value, error + other.error);
  }

  /** Met only if the whole interval is at or under {@code limit}. */
  Verdict atMost(double limit) {
    return Verdict.atMost(value, error, limit);
  }

  /** The value and error with {@code decimals} decimals, e.g. {@code 68.0 ± 0.1}. */
  String format(int decimals) {
    return String.format("%." + decimals + "f ± %." + decimals + "f", value, error);
  }
}

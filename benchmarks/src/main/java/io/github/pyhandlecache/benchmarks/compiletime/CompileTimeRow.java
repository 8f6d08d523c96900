package io.github.pyhandlecache.benchmarks.compiletime;

import java.util.List;

/**
 * The wall-clock time of javac on the generated module, one variant.
 *
 * @param variant what javac ran with
 * @param classes how many classes the module has
 * @param medianSeconds the median of {@code runsSeconds}
 * @param runsSeconds every counted run, in order
 */
public record CompileTimeRow(
    String variant, int classes, double medianSeconds, List<Double> runsSeconds) {
  static CompileTimeRow of(String variant, int classes, List<Double> runsSeconds) {
    return new CompileTimeRow(variant, classes, median(runsSeconds), List.copyOf(runsSeconds));
  }

  public static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}

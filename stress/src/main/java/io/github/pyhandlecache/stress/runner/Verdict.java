package io.github.pyhandlecache.stress.runner;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;

/**
 * Every selected test's result in one jcstress run, read back from the run's result file: a test
 * passes when it ran, ended normally, and observed no FORBIDDEN outcome. A selected test that left
 * no result fails too.
 */
final class Verdict {
  private static final String TEST_PACKAGE = "io.github.pyhandlecache.stress.";

  private final Map<String, String> passed; // test name to its observed outcomes, sorted
  private final Map<String, String> failed; // test name to why

  private Verdict(Map<String, String> passed, Map<String, String> failed) {
    this.passed = passed;
    this.failed = failed;
  }

  static Verdict of(SortedSet<String> selectedTests, String resultFile) throws Exception {
    Map<String, TestResult> results = new TreeMap<>();
    if (new File(resultFile).isFile()) {
      for (TestResult result : read(resultFile)) {
        results.put(result.getName(), result);
      }
    }
    Map<String, String> passed = new TreeMap<>();
    Map<String, String> failed = new TreeMap<>();
    for (String test : selectedTests) {
      TestResult result = results.get(test);
      if (result == null) {
        failed.put(test, "did not run");
      } else if (result.status() != Status.NORMAL) {
        failed.put(test, "ended with " + result.status());
      } else if (!result.grading().isPassed) {
        failed.put(test, outcomes(result, Expect.FORBIDDEN));
      } else {
        passed.put(test, outcomes(result, Expect.ACCEPTABLE));
      }
    }
    return new Verdict(passed, failed);
  }

  /** Reads the result file, one result per test with all its forks and configurations merged. */
  private static List<TestResult> read(String resultFile) throws Exception {
    InProcessCollector collector = new InProcessCollector();
    DiskReadCollector reader = new DiskReadCollector(resultFile, collector);
    try {
      reader.dump();
    } finally {
      reader.close();
    }
    return ReportUtils.mergedByName(new ArrayList<>(collector.getTestResults()));
  }

  /** The samples of a test, then each observed outcome of one expectation with its count. */
  private static String outcomes(TestResult result, Expect expect) {
    String observed = result.grading().gradingResults.values().stream()
        .filter(outcome -> outcome.expect == expect && outcome.count > 0)
        .map(Verdict::outcome)
        .collect(Collectors.joining("; "));
    return String.format("%,d samples; %s: %s", result.getTotalCount(), expect, observed);
  }

  private static String outcome(GradingResult outcome) {
    return String.format("[%s] %,d (%s)", outcome.id, outcome.count, outcome.description);
  }

  boolean passed() {
    return failed.isEmpty() && !passed.isEmpty();
  }

  void print(PrintStream out) {
    out.println("PYHANDLECACHE STRESS VERDICT:");
    passed.forEach((test, outcomes) -> out.printf("  PASSED  %s  %s%n", shortName(test), outcomes));
    failed.forEach((test, why) -> out.printf("  FAILED  %s  %s%n", shortName(test), why));
    out.println();
    out.printf("jcstress: %d passed, %d failed%n", passed.size(), failed.size());
  }

  private static String shortName(String test) {
    return test.startsWith(TEST_PACKAGE) ? test.substring(TEST_PACKAGE.length()) : test;
  }
}

package io.github.pyhandlecache.stress.runner;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;

/**
 * Every selected test's result in one jcstress run, read back from the run's result file: a test
 * passes when it ran, ended normally, and observed no FORBIDDEN outcome. A selected test that left
 * no result fails too: jcstress silently skips a test it cannot schedule, e.g. one with more
 * actors than CPUs.
 */
final class Verdict {
  private final Map<String, String> failures; // test name to why, sorted
  private final Map<String, Long> samplesOfPassed;

  private Verdict(Map<String, String> failures, Map<String, Long> samplesOfPassed) {
    this.failures = failures;
    this.samplesOfPassed = samplesOfPassed;
  }

  static Verdict of(SortedSet<String> selectedTests, String resultFile) throws Exception {
    Map<String, TestResult> results = new TreeMap<>();
    if (new File(resultFile).isFile()) {
      for (TestResult result : read(resultFile)) {
        results.put(result.getName(), result);
      }
    }
    Map<String, String> failures = new TreeMap<>();
    Map<String, Long> samplesOfPassed = new TreeMap<>();
    for (String test : selectedTests) {
      TestResult result = results.get(test);
      if (result == null) {
        failures.put(test, "did not run");
      } else if (result.status() != Status.NORMAL) {
        failures.put(test, "ended with " + result.status());
      } else if (!result.grading().isPassed) {
        failures.put(test, String.join("; ", result.grading().failureMessages));
      } else {
        samplesOfPassed.put(test, result.getTotalCount());
      }
    }
    return new Verdict(failures, samplesOfPassed);
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

  boolean passed() {
    return failures.isEmpty() && !samplesOfPassed.isEmpty();
  }

  void print(PrintStream out) {
    out.println("PYHANDLECACHE STRESS VERDICT:");
    samplesOfPassed.forEach((test, samples) ->
        out.printf("  PASSED  %s (%,d samples)%n", test, samples));
    failures.forEach((test, why) -> out.printf("  FAILED  %s: %s%n", test, why));
    out.println();
    out.printf("jcstress: %d passed, %d failed%n", samplesOfPassed.size(), failures.size());
  }
}

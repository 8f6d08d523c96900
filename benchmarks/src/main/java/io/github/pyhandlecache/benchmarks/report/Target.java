package io.github.pyhandlecache.benchmarks.report;

import io.github.pyhandlecache.benchmarks.report.Ratio.Verdict;

/**
 * One target of the page: what is aimed at, what was measured, and whether it was met.
 *
 * @param text the target, as the Targets table shows it
 * @param measured the measurement, with its error
 * @param verdict met, not met, or not shown either way
 * @param whyMissed what the page says when the target is not met: what the code does there, and
 *     figures computed from the run; or empty
 */
record Target(String text, String measured, Verdict verdict, String whyMissed) {
  Target(String text, Ratio measured, Verdict verdict, String whyMissed) {
    this(text, measured.toString(), verdict, whyMissed);
  }

  boolean missed() {
    return verdict != Verdict.MET;
  }
}

package io.github.pyhandlecache.stress.runner;

import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;

/**
 * The jar's entry point: jcstress's own command line, then a verdict over every selected test that
 * exits non-zero unless each one ran and passed.
 *
 * <p>jcstress 0.16 alone exits non-zero on a FORBIDDEN outcome or a test error (its report ends by
 * throwing an AssertionError), but exits 0 when a selected test never ran: no tests matched, or a
 * test had more actors than the machine has CPUs. The verdict closes that gap, and sums the run up
 * in one line.
 */
public final class StressMain {
  private StressMain() {}

  public static void main(String[] args) throws Exception {
    Options options = new Options(args);
    if (!options.parse()) {
      System.exit(1);
    }
    JCStress jcstress = new JCStress(options);
    if (options.shouldList()) {
      jcstress.getTests().forEach(System.out::println);
      return;
    }
    boolean reportedFailures = false;
    try {
      if (options.shouldParse()) {
        jcstress.parseResults(); // -p: the verdict of an earlier run's result file
      } else {
        jcstress.run();
      }
    } catch (AssertionError failures) {
      reportedFailures = true; // thrown after the report that lists them; the verdict names them
    }
    Verdict verdict = Verdict.of(jcstress.getTests(), options.getResultFile());
    verdict.print(System.out);
    System.exit(verdict.passed() && !reportedFailures ? 0 : 1);
  }
}

package io.github.pyhandlecache.stress.runner;

import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Main;
import org.openjdk.jcstress.Options;

/**
 * The jar's entry point: jcstress's own command line, then a verdict that exits non-zero when a
 * test failed, errored or did not run. jcstress 0.16 itself exits 0 whatever it observed, so a
 * build could not fail on a FORBIDDEN outcome without this.
 */
public final class StressMain {
  private StressMain() {}

  public static void main(String[] args) throws Exception {
    Options options = new Options(args);
    if (!options.parse()) {
      System.exit(1);
    }
    if (options.shouldList() || options.shouldParse()) {
      Main.main(args); // nothing runs: no verdict to give
      return;
    }
    JCStress jcstress = new JCStress(options);
    jcstress.run();
    Verdict verdict = Verdict.of(jcstress.getTests(), options.getResultFile());
    verdict.print(System.out);
    System.exit(verdict.passed() ? 0 : 1);
  }
}

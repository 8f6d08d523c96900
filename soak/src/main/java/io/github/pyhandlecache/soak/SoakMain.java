package io.github.pyhandlecache.soak;

import java.time.Duration;

/**
 * Runs the soak from the command line: {@code SoakMain [minutes]} (default 30; fractions allowed),
 * without JFR events if {@code -Dsoak.events=false}. Prints the figures; exits 1 on any violation.
 */
public final class SoakMain {
  private SoakMain() {}

  public static void main(String[] args) throws InterruptedException {
    double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 30;
    boolean events = Boolean.parseBoolean(System.getProperty("soak.events", "true"));
    Duration duration = Duration.ofMillis(Math.round(minutes * 60_000));
    System.out.printf("soak: %s, JDK %s%n", duration, Runtime.version());
    Soak.Result result = Soak.run(duration, events, System.out);
    System.out.print(result.report());
    if (result.violations() > 0) {
      System.out.println("FAILED: " + result.violations() + " violations, the first:");
      result.firstViolations().forEach(violation -> System.out.println("  " + violation));
      System.exit(1);
    }
    System.out.println("passed");
    System.exit(0); // threads stuck in a call (reported above) must not keep the JVM up
  }
}

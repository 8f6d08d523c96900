package io.github.pyhandlecache.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's call rules and guarantees under a short soak (this module's README.md: what the
 * soak does and checks): no violation, and the run did what a soak must, so that passing means
 * something.
 */
class SoakTest {
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aShortSoakFindsNoViolation() throws InterruptedException {
    Duration duration = Duration.ofSeconds(Long.getLong("soak.seconds", 30));
    Soak.Result result = Soak.run(duration, true, System.out);
    System.out.print(result.report());

    assertEquals(0, result.violations(),
        () -> "violations, the first:\n  " + String.join("\n  ", result.firstViolations()));
    Figures counts = result.counts();
    assertTrue(counts.hits.sum() > 0 && counts.ownValues.sum() > 0, "calls hit and missed");
    assertTrue(counts.closes.sum() > 0 && counts.hostsReplaced.sum() > 0,
        "interpreters were closed and hosts replaced");
    assertTrue(counts.failuresPropagated.sum() > 0, "slow accessors threw");
    assertTrue(counts.overflowsInRuntime.sum() > 0 && counts.overflowsInGenerated.sum() > 0,
        "StackOverflowErrors struck the runtime and generated code");
    assertTrue(counts.probes.sum() > 0, "interpreters struck by a fault were checked to cache again");
  }
}

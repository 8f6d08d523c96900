package io.github.pyhandlecache.container;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.container.Redeployment.Outcome;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.catalina.loader.WebappClassLoaderBase;
import org.junit.jupiter.api.Test;

/**
 * README, "Guarantees", Nothing kept behind: a pooled request thread that outlives a redeployed web
 * application keeps nothing of it. Embedded Tomcat reloads, {@value #RELOADS} times, a web
 * application that ships the runtime in {@code WEB-INF/lib} and calls a {@code @PyHandleCached}
 * accessor on each of its {@value #REQUEST_THREADS} request threads, outside any scope and inside
 * its interpreter's; Tomcat's own leak detection is the judge.
 *
 * <p>Beside it run two web applications built the same way. The control has a plain accessor and
 * still enters the interpreter: it must pass too, so that a failure of the first points at the
 * cache, not at the harness or the scopes. The canary leaves a thread-local of its own behind: it
 * must be reported, so that a pass is not Tomcat being unable to look.
 */
class RedeployTest {
  private static final int REQUEST_THREADS = 4; // as the web application's web.xml says too
  private static final int RELOADS = 10;

  private static final String THREAD_LOCAL_LEAK = "created a ThreadLocal with key of type";

  /** The canary's thread-local value, as Tomcat's message names its type. */
  private static final String CANARY_VALUE =
      "value of type [io.github.pyhandlecache.container.webapp.PyObjectHandle]";

  @Test
  void cachedAccessorKeepsNothingOfRedeployedWebApp() throws Exception {
    Outcome outcome = Redeployment.run("cached", REQUEST_THREADS, RELOADS);

    assertEveryRoundRanOnThePool(outcome);
    // The cache was at work: a deployment's second round hits what its first round cached.
    assertTrue(
        secondRounds(outcome).stream().allMatch(EntryAnswer::sameInside),
        () -> "second rounds: " + secondRounds(outcome));
    assertNothingKept(outcome);
  }

  @Test
  void controlWithoutTheCacheKeepsNothing() throws Exception {
    Outcome outcome = Redeployment.run("plain", REQUEST_THREADS, RELOADS);

    assertEveryRoundRanOnThePool(outcome);
    assertTrue(
        secondRounds(outcome).stream().noneMatch(EntryAnswer::sameInside),
        () -> "second rounds: " + secondRounds(outcome));
    assertNothingKept(outcome);
  }

  @Test
  void canaryThreadLocalLeftBehindIsReported() throws Exception {
    Outcome outcome = Redeployment.run("leaky", REQUEST_THREADS, RELOADS);

    assertEveryRoundRanOnThePool(outcome);
    // Each reload stops a web application whose thread-local every request thread still holds.
    assertEquals(
        REQUEST_THREADS * RELOADS,
        outcome.severe().stream()
            .filter(
                message -> message.contains(THREAD_LOCAL_LEAK) && message.contains(CANARY_VALUE))
            .count(),
        () -> "SEVERE: " + outcome.severe());
    assertEquals(
        RELOADS,
        outcome.stillReachable().size(),
        () -> "still reachable: " + outcome.stillReachable());
  }

  /**
   * The harness did what it says: every round ran on every request thread and every deployment on
   * the same pool; the runtime was the web application's own (Tomcat's loader, not the test's);
   * nothing was cached outside a scope; and Tomcat could read every thread's ThreadLocal map, else
   * it says which {@code --add-opens} it lacks.
   */
  private static void assertEveryRoundRanOnThePool(Outcome outcome) throws ClassNotFoundException {
    assertEquals(2 * (RELOADS + 1), outcome.rounds().size());
    for (List<EntryAnswer> round : outcome.rounds()) {
      assertEquals(REQUEST_THREADS, threads(round).size(), () -> "round: " + round);
    }
    List<EntryAnswer> all = outcome.rounds().stream().flatMap(List::stream).toList();
    assertEquals(REQUEST_THREADS, threads(all).size(), () -> "threads: " + threads(all));
    for (String loader : all.stream().map(EntryAnswer::runtimeLoader).collect(Collectors.toSet())) {
      assertTrue(WebappClassLoaderBase.class.isAssignableFrom(Class.forName(loader)), loader);
    }
    assertTrue(all.stream().noneMatch(EntryAnswer::sameOutside), () -> "answers: " + all);
    assertEquals(
        List.of(),
        outcome.warnings().stream().filter(message -> message.contains("--add-opens")).toList());
  }

  private static void assertNothingKept(Outcome outcome) {
    assertAll(
        () -> assertNone(outcome.severe(), "SEVERE messages of the web application class loader"),
        () -> assertNone(outcome.stillReachable(), "reloaded contexts still reachable after GC"));
  }

  private static void assertNone(List<String> found, String what) {
    assertTrue(
        found.isEmpty(),
        () -> found.size() + " " + what + "; the first: " + found.get(0) + "\nall: " + found);
  }

  private static List<EntryAnswer> secondRounds(Outcome outcome) {
    List<List<EntryAnswer>> rounds = outcome.rounds();
    return IntStream.range(0, rounds.size())
        .filter(round -> round % 2 == 1)
        .mapToObj(rounds::get)
        .flatMap(List::stream)
        .toList();
  }

  private static Set<String> threads(List<EntryAnswer> answers) {
    return answers.stream().map(EntryAnswer::thread).collect(Collectors.toSet());
  }
}

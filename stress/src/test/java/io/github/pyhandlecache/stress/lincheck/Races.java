package io.github.pyhandlecache.stress.lincheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/**
 * Scenarios of the races that the jcstress tests run (stress/README.md, "The tests"), which
 * Lincheck checks before its random ones: which operations race is fixed, how they interleave is
 * Lincheck's to explore. A scenario is written as its parts, each a list of operations such as
 * {@code "get 0"} or {@code "close 1"}: before, each thread's, after.
 */
final class Races {
  private Races() {}

  /** Claims racing claims: of their interpreter (publication, identity), of another (isolation). */
  static List<ExecutionScenario> ofClaims(Class<? extends ClaimModel> model) {
    return List.of(
        scenario(model, List.of(), List.of(List.of("get 0"), List.of("get 0")), List.of("get 0")),
        scenario(model, List.of(),
            List.of(List.of("get 0", "get 1"), List.of("get 1", "get 0")), List.of()));
  }

  /**
   * Claims racing a close: of their own interpreter, of another slot's owner (whose table a release
   * copies while the claim lands), and a reclaim racing or following the close of the owner.
   */
  static List<ExecutionScenario> ofRelease(Class<? extends ReleaseModel> model) {
    return List.of(
        scenario(model, List.of(), List.of(List.of("get 0"), List.of("close 0")), List.of("get 0")),
        scenario(model, List.of("get 1"),
            List.of(List.of("get 0", "get 0"), List.of("close 1")), List.of("get 0")),
        scenario(model, List.of("get 0"),
            List.of(List.of("get 0"), List.of("close 0", "get 1")), List.of("get 1")),
        scenario(model, List.of("get 0"),
            List.of(List.of("close 0"), List.of("get 1")), List.of("get 1")));
  }

  private static ExecutionScenario scenario(
      Class<?> model, List<String> before, List<List<String>> threads, List<String> after) {
    List<List<Actor>> parallel = new ArrayList<>();
    for (List<String> thread : threads) {
      parallel.add(actors(model, thread));
    }
    // Lincheck sets the validation function of custom scenarios itself.
    return new ExecutionScenario(actors(model, before), parallel, actors(model, after), null);
  }

  private static List<Actor> actors(Class<?> model, List<String> operations) {
    List<Actor> actors = new ArrayList<>();
    for (String operation : operations) {
      String[] nameAndInterpreter = operation.split(" ");
      try {
        Method method = model.getMethod(nameAndInterpreter[0], int.class);
        actors.add(new Actor(method, List.of(Integer.parseInt(nameAndInterpreter[1])),
            false, false, false, false, false));
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(model + " has no operation " + operation, e);
      }
    }
    return actors;
  }
}

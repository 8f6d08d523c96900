package io.github.pyhandlecache.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.stress.host.Interpreters;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIIIIII_Result;

/**
 * Guarantee 7: {@link PyInterpreter#current()} is per thread. Two threads enter one shared
 * interpreter at the same time, each enters its own inside it and leaves both; each sees only the
 * interpreters it entered itself, innermost first, and none after leaving.
 *
 * <p>Results: what {@code current()} returned on each thread after entering the shared one (3),
 * after entering its own (1 or 2), after leaving its own (3), after leaving the shared one (0 for
 * null): first thread 1's four, then thread 2's.
 */
@Description("Two threads enter and leave interpreters at once: current() shows only the thread's own.")
@Outcome(
    id = "3, 1, 3, 0, 3, 2, 3, 0",
    expect = ACCEPTABLE,
    desc = "each thread saw exactly the interpreters it entered")
@Outcome(expect = FORBIDDEN, desc = "current() showed another thread's interpreter, or a stale one")
@JCStressTest
@State
public class CurrentInterpreterStress {
  private final PyInterpreter first = Interpreters.numbered(1);
  private final PyInterpreter second = Interpreters.numbered(2);
  private final PyInterpreter shared = Interpreters.numbered(3);

  @Actor
  @SuppressWarnings("try") // scopes are entered for their effect on current() alone
  public void actor1(IIIIIIII_Result r) {
    try (PyInterpreter.Scope outer = shared.enter()) {
      r.r1 = current();
      try (PyInterpreter.Scope inner = first.enter()) {
        r.r2 = current();
      }
      r.r3 = current();
    }
    r.r4 = current();
  }

  @Actor
  @SuppressWarnings("try") // scopes are entered for their effect on current() alone
  public void actor2(IIIIIIII_Result r) {
    try (PyInterpreter.Scope outer = shared.enter()) {
      r.r5 = current();
      try (PyInterpreter.Scope inner = second.enter()) {
        r.r6 = current();
      }
      r.r7 = current();
    }
    r.r8 = current();
  }

  private static int current() {
    PyInterpreter current = PyInterpreter.current();
    return current == null ? 0 : Interpreters.numberOf(current);
  }
}

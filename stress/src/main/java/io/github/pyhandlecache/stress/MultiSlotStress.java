package io.github.pyhandlecache.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.stress.host.GeneratedThreeSlotHost;
import io.github.pyhandlecache.stress.host.Host;
import io.github.pyhandlecache.stress.host.Interpreters;
import io.github.pyhandlecache.stress.host.PyHandleCacheHost;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * Guarantee 5, multi-slot: four interpreters race on the three empty slots of a fresh object; each
 * gets its own value, and exactly three own a slot afterwards.
 *
 * <p>jcstress runs no more actors than there are CPUs, and CI has two: so two threads race, each
 * calling for two interpreters in turn (interpreters 1 and 3 on one, 2 and 4 on the other).
 *
 * <p>Results: the number of the interpreter whose value each call got, in interpreter order, then
 * the owners afterwards as bits (1, 2, 4, 8 for interpreters 1 to 4).
 */
@Description("Four interpreters race on three empty slots: each gets its own value, three own a slot.")
@Outcome(
    id = "1, 2, 3, 4, (7|11|13|14)",
    expect = ACCEPTABLE,
    desc = "each got its own value; three interpreters own a slot")
@Outcome(
    expect = FORBIDDEN,
    desc = "a value of another interpreter or a default value, or not exactly three owners")
public abstract class MultiSlotStress {
  static final int SLOTS = 3;

  private final PyInterpreter[] interpreters = {
    Interpreters.numbered(1), Interpreters.numbered(2), Interpreters.numbered(3),
    Interpreters.numbered(4)
  };
  private final Host host;

  MultiSlotStress(Host host) {
    this.host = host;
  }

  /** Calls for interpreter {@code number}. */
  final int call(int number) {
    return host.numberFor(interpreters[number - 1]);
  }

  final int owners() {
    int owners = 0;
    for (int i = 0; i < interpreters.length; i++) {
      owners |= host.owns(interpreters[i]) ? 1 << i : 0;
    }
    return owners;
  }

  @JCStressTest
  @State
  public static class OnPyHandleCache extends MultiSlotStress {
    public OnPyHandleCache() {
      super(PyHandleCacheHost.withSlots(SLOTS));
    }

    @Actor
    public void actor1(IIIII_Result r) {
      r.r1 = call(1);
      r.r3 = call(3);
    }

    @Actor
    public void actor2(IIIII_Result r) {
      r.r2 = call(2);
      r.r4 = call(4);
    }

    @Arbiter
    public void arbiter(IIIII_Result r) {
      r.r5 = owners();
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedClass extends MultiSlotStress {
    public OnGeneratedClass() {
      super(GeneratedThreeSlotHost.create());
    }

    @Actor
    public void actor1(IIIII_Result r) {
      r.r1 = call(1);
      r.r3 = call(3);
    }

    @Actor
    public void actor2(IIIII_Result r) {
      r.r2 = call(2);
      r.r4 = call(4);
    }

    @Arbiter
    public void arbiter(IIIII_Result r) {
      r.r5 = owners();
    }
  }
}

package io.github.pyhandlecache.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.stress.host.GeneratedHandleHost;
import io.github.pyhandlecache.stress.host.GeneratedNumberHost;
import io.github.pyhandlecache.stress.host.Host;
import io.github.pyhandlecache.stress.host.Interpreters;
import io.github.pyhandlecache.stress.host.PyHandleCacheHost;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Guarantee 4, the reclamation hazard of the SPEC: interpreter 1 owns the slot and is closed; a
 * thread of interpreter 1 calls while a thread of interpreter 2 reclaims the slot. The first must
 * never return the second's value, which a hit that reads the tag, then the value just written by
 * the reclaimer, would do without the re-check of the tag.
 *
 * <p>Results: the number of the interpreter whose value each thread got, the owners afterwards as
 * bits (1: interpreter 1, 2: interpreter 2), and how often interpreter 1's thread ran the slow
 * accessor (0: it hit the old slot before the reclaim, 1: it saw the slot taken).
 */
@Description("Closed interpreter 1 owns the slot; its thread calls while interpreter 2 reclaims it.")
@Outcome(id = "1, 2, 2, 0", expect = ACCEPTABLE, desc = "interpreter 1 hit its old slot before the reclaim")
@Outcome(id = "1, 2, 2, 1", expect = ACCEPTABLE, desc = "interpreter 1 saw the slot taken, computed its own")
@Outcome(id = "2, .*", expect = FORBIDDEN, desc = "interpreter 1 got interpreter 2's value: the hazard")
@Outcome(
    expect = FORBIDDEN,
    desc = "a default value, or interpreter 2 does not own the slot it reclaimed")
public abstract class ReclamationStress {
  private final PyInterpreter closed = Interpreters.numbered(1);
  private final PyInterpreter reclaimer = Interpreters.numbered(2);
  private final Host host;

  ReclamationStress(Host host) {
    this.host = host;
    host.numberFor(closed);
    closed.close();
  }

  final int callClosed() {
    return host.numberFor(closed);
  }

  final int callReclaimer() {
    return host.numberFor(reclaimer);
  }

  final void after(IIII_Result r) {
    r.r4 = host.slowCalls(closed) - 1; // the call in the constructor filled the slot
    r.r3 = (host.owns(closed) ? 1 : 0) | (host.owns(reclaimer) ? 2 : 0);
  }

  @JCStressTest
  @State
  public static class OnPyHandleCache extends ReclamationStress {
    public OnPyHandleCache() {
      super(PyHandleCacheHost.withSlots(1));
    }

    @Actor
    public void actor1(IIII_Result r) {
      r.r1 = callClosed();
    }

    @Actor
    public void actor2(IIII_Result r) {
      r.r2 = callReclaimer();
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
      after(r);
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedClass extends ReclamationStress {
    public OnGeneratedClass() {
      super(GeneratedHandleHost.create());
    }

    @Actor
    public void actor1(IIII_Result r) {
      r.r1 = callClosed();
    }

    @Actor
    public void actor2(IIII_Result r) {
      r.r2 = callReclaimer();
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
      after(r);
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedPrimitive extends ReclamationStress {
    public OnGeneratedPrimitive() {
      super(GeneratedNumberHost.create());
    }

    @Actor
    public void actor1(IIII_Result r) {
      r.r1 = callClosed();
    }

    @Actor
    public void actor2(IIII_Result r) {
      r.r2 = callReclaimer();
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
      after(r);
    }
  }
}

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
 * Guarantees Isolation and Release against the reclamation hazard of the README: interpreter 1
 * owns the slot; a thread of interpreter 1 calls while another thread closes interpreter 1 and then
 * calls for interpreter 2, which takes the freed slot. The first must never return interpreter 2's
 * value (which a two-field slot without a re-check would do, reading the tag, then the value the
 * reclaimer just wrote), and once close() has returned no slot holds interpreter 1's value.
 *
 * <p>Results: the number of the interpreter whose value each thread got; the values the slots hold
 * afterwards as bits (1: interpreter 1's, 2: interpreter 2's); and how often interpreter 1's thread
 * ran the slow accessor (0: it hit the slot before the close, 1: it missed after it).
 */
@Description("Interpreter 1 owns the slot; its thread calls while another closes it and reclaims for 2.")
@Outcome(id = "1, 2, 2, 0", expect = ACCEPTABLE, desc = "interpreter 1 hit its slot before the close")
@Outcome(id = "1, 2, 2, 1", expect = ACCEPTABLE, desc = "interpreter 1 missed after the close, computed its own")
@Outcome(id = "2, .*", expect = FORBIDDEN, desc = "interpreter 1 got interpreter 2's value: the hazard")
@Outcome(id = "1, 2, 3, .*", expect = FORBIDDEN, desc = "interpreter 1's value outlived close()")
@Outcome(
    expect = FORBIDDEN,
    desc = "a default value, or interpreter 2 did not get the slot that close() freed")
public abstract class ReclamationStress {
  private final PyInterpreter closed = Interpreters.numbered(1);
  private final PyInterpreter reclaimer = Interpreters.numbered(2);
  private final Host host;

  ReclamationStress(Host host) {
    this.host = host;
    host.numberFor(closed);
  }

  final int callClosed() {
    return host.numberFor(closed);
  }

  final int closeThenCallReclaimer() {
    closed.close();
    return host.numberFor(reclaimer);
  }

  final void after(IIII_Result r) {
    r.r4 = host.slowCalls(closed) - 1; // the call in the constructor filled the slot
    r.r3 = (host.holdsValueOf(closed) ? 1 : 0) | (host.holdsValueOf(reclaimer) ? 2 : 0);
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
      r.r2 = closeThenCallReclaimer();
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
      r.r2 = closeThenCallReclaimer();
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
      r.r2 = closeThenCallReclaimer();
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
      after(r);
    }
  }
}

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
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Guarantees Release and Isolation while another interpreter reclaims: interpreter 1 owns the only
 * slot; one thread closes it while a thread of interpreter 2 calls, and takes the slot if it sees
 * interpreter 1 closed (or finds it already released). Afterwards no slot holds interpreter 1's
 * value, and interpreter 2 got its own.
 *
 * <p>Results: the number of the interpreter whose value interpreter 2's call got; whether a slot
 * holds interpreter 1's value afterwards; whether interpreter 2 owns the slot afterwards.
 */
@Description("Interpreter 1 owns the only slot; one thread closes it while interpreter 2 calls.")
@Outcome(id = "2, 0, 1", expect = ACCEPTABLE, desc = "interpreter 2 took the slot (reclaimed or released)")
@Outcome(id = "2, 0, 0", expect = ACCEPTABLE, desc = "interpreter 2 saw interpreter 1 open and bypassed")
@Outcome(id = "2, 1, .*", expect = FORBIDDEN, desc = "interpreter 1's value outlived close()")
@Outcome(expect = FORBIDDEN, desc = "interpreter 2 got a default value or interpreter 1's")
public abstract class CloseWhileReclaimStress {
  private final PyInterpreter closing = Interpreters.numbered(1);
  private final PyInterpreter reclaimer = Interpreters.numbered(2);
  private final Host host;

  CloseWhileReclaimStress(Host host) {
    this.host = host;
    host.numberFor(closing);
  }

  final void close() {
    closing.close();
  }

  final int callReclaimer() {
    return host.numberFor(reclaimer);
  }

  final void after(III_Result r) {
    r.r2 = host.holdsValueOf(closing) ? 1 : 0;
    r.r3 = host.holdsValueOf(reclaimer) ? 1 : 0;
  }

  @JCStressTest
  @State
  public static class OnPyHandleCache extends CloseWhileReclaimStress {
    public OnPyHandleCache() {
      super(PyHandleCacheHost.withSlots(1));
    }

    @Actor
    public void actor1() {
      close();
    }

    @Actor
    public void actor2(III_Result r) {
      r.r1 = callReclaimer();
    }

    @Arbiter
    public void arbiter(III_Result r) {
      after(r);
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedClass extends CloseWhileReclaimStress {
    public OnGeneratedClass() {
      super(GeneratedHandleHost.create());
    }

    @Actor
    public void actor1() {
      close();
    }

    @Actor
    public void actor2(III_Result r) {
      r.r1 = callReclaimer();
    }

    @Arbiter
    public void arbiter(III_Result r) {
      after(r);
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedPrimitive extends CloseWhileReclaimStress {
    public OnGeneratedPrimitive() {
      super(GeneratedNumberHost.create());
    }

    @Actor
    public void actor1() {
      close();
    }

    @Actor
    public void actor2(III_Result r) {
      r.r1 = callReclaimer();
    }

    @Arbiter
    public void arbiter(III_Result r) {
      after(r);
    }
  }
}

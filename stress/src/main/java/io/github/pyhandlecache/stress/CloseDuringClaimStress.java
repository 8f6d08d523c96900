package io.github.pyhandlecache.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.stress.host.GeneratedHandleHost;
import io.github.pyhandlecache.stress.host.GeneratedNumberHost;
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
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Guarantee Release against a racing claim: a thread of interpreter 1 misses and claims an empty
 * slot while another thread closes interpreter 1. Whichever comes first, once both have returned no
 * slot holds interpreter 1's value (see Release in AccessorSlots's Note: the closer replaces the
 * table the claimant read, so a claim that started before the close cannot land after it).
 *
 * <p>Results: the number of the interpreter whose value the call got, and whether a slot holds
 * interpreter 1's value afterwards.
 */
@Description("Interpreter 1 claims an empty slot while another thread closes it.")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "the call got its value; close() released it or it never landed")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "interpreter 1's value outlived close()")
@Outcome(expect = FORBIDDEN, desc = "the call got a default value or another interpreter's")
public abstract class CloseDuringClaimStress {
  private final PyInterpreter claimant = Interpreters.numbered(1);
  private final Host host;

  CloseDuringClaimStress(Host host) {
    this.host = host;
  }

  /** A host one of whose slots interpreter 2 owns, so that the claim copies a table. */
  static Host withAnotherOwner(Host host) {
    host.numberFor(Interpreters.numbered(2));
    return host;
  }

  final int call() {
    return host.numberFor(claimant);
  }

  final void close() {
    claimant.close();
  }

  final void after(II_Result r) {
    r.r2 = host.holdsValueOf(claimant) ? 1 : 0;
  }

  @JCStressTest
  @State
  public static class OnPyHandleCache extends CloseDuringClaimStress {
    public OnPyHandleCache() {
      super(PyHandleCacheHost.withSlots(2));
    }

    @Actor
    public void actor1(II_Result r) {
      r.r1 = call();
    }

    @Actor
    public void actor2() {
      close();
    }

    @Arbiter
    public void arbiter(II_Result r) {
      after(r);
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedClass extends CloseDuringClaimStress {
    public OnGeneratedClass() {
      super(GeneratedHandleHost.create());
    }

    @Actor
    public void actor1(II_Result r) {
      r.r1 = call();
    }

    @Actor
    public void actor2() {
      close();
    }

    @Arbiter
    public void arbiter(II_Result r) {
      after(r);
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedPrimitive extends CloseDuringClaimStress {
    public OnGeneratedPrimitive() {
      super(GeneratedNumberHost.create());
    }

    @Actor
    public void actor1(II_Result r) {
      r.r1 = call();
    }

    @Actor
    public void actor2() {
      close();
    }

    @Arbiter
    public void arbiter(II_Result r) {
      after(r);
    }
  }

  @JCStressTest
  @State
  public static class OnThreeSlots extends CloseDuringClaimStress {
    public OnThreeSlots() {
      super(GeneratedThreeSlotHost.create());
    }

    @Actor
    public void actor1(II_Result r) {
      r.r1 = call();
    }

    @Actor
    public void actor2() {
      close();
    }

    @Arbiter
    public void arbiter(II_Result r) {
      after(r);
    }
  }

  @JCStressTest
  @State
  public static class OnThreeSlotsWithAnotherOwner extends CloseDuringClaimStress {
    public OnThreeSlotsWithAnotherOwner() {
      super(withAnotherOwner(GeneratedThreeSlotHost.create()));
    }

    @Actor
    public void actor1(II_Result r) {
      r.r1 = call();
    }

    @Actor
    public void actor2() {
      close();
    }

    @Arbiter
    public void arbiter(II_Result r) {
      after(r);
    }
  }
}

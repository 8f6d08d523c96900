package io.github.pyhandlecache.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.stress.host.GeneratedHandleHost;
import io.github.pyhandlecache.stress.host.Handle;
import io.github.pyhandlecache.stress.host.HandleHost;
import io.github.pyhandlecache.stress.host.Interpreters;
import io.github.pyhandlecache.stress.host.PyHandleCacheHost;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZZ_Result;

/**
 * Guarantee 2, identity: two threads of one interpreter race on an empty slot; both return the one
 * value that ends in the slot, and a later call hits it. Breaks if a thread that lost the claim
 * returns the value it computed instead of the owner's.
 */
@Description("Two threads of one interpreter race on an empty slot: both return one instance, later calls hit it.")
@Outcome(
    id = "true, true, true",
    expect = ACCEPTABLE,
    desc = "one instance for both; a later call returns it without the slow accessor")
@Outcome(
    id = "false, .*",
    expect = FORBIDDEN,
    desc = "the two threads returned different instances (or not interpreter 1's)")
@Outcome(
    expect = FORBIDDEN,
    desc = "a later call returned another instance, or ran the slow accessor: the slot was lost")
public abstract class IdentityStress {
  private final PyInterpreter interpreter = Interpreters.numbered(1);
  private final HandleHost host;
  private Handle first;
  private Handle second;

  IdentityStress(HandleHost host) {
    this.host = host;
  }

  final void callFirst() {
    first = host.handle(interpreter);
  }

  final void callSecond() {
    second = host.handle(interpreter);
  }

  final void callLater(ZZZ_Result r) {
    r.r1 = first == second && Handle.numberOf(first) == 1;
    int slowCallsBefore = host.slowCalls(interpreter);
    r.r2 = host.handle(interpreter) == first;
    r.r3 = host.slowCalls(interpreter) == slowCallsBefore;
  }

  @JCStressTest
  @State
  public static class OnPyHandleCache extends IdentityStress {
    public OnPyHandleCache() {
      super(PyHandleCacheHost.withSlots(1));
    }

    @Actor
    public void actor1() {
      callFirst();
    }

    @Actor
    public void actor2() {
      callSecond();
    }

    @Arbiter
    public void arbiter(ZZZ_Result r) {
      callLater(r);
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedClass extends IdentityStress {
    public OnGeneratedClass() {
      super(GeneratedHandleHost.create());
    }

    @Actor
    public void actor1() {
      callFirst();
    }

    @Actor
    public void actor2() {
      callSecond();
    }

    @Arbiter
    public void arbiter(ZZZ_Result r) {
      callLater(r);
    }
  }
}

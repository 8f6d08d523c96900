package io.github.pyhandlecache.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.stress.host.GeneratedHandleHost;
import io.github.pyhandlecache.stress.host.Handle;
import io.github.pyhandlecache.stress.host.HandleHost;
import io.github.pyhandlecache.stress.host.Interpreters;
import io.github.pyhandlecache.stress.host.PyHandleCacheHost;
import io.github.pyhandlecache.stress.host.SlowAccessorFailure;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIZ_Result;

/**
 * Guarantee 6: the slow accessor throws on one thread while another thread of the same interpreter
 * claims the empty slot. The exception reaches its caller unchanged (unless that caller hit the
 * other thread's value and never ran the slow accessor), and the slot ends owned by the other
 * thread's value.
 *
 * <p>Results: what the failing thread saw (1: the exception, 2: the other thread's value), the
 * number of the interpreter whose value the other thread got, and whether a later call hits that
 * same value.
 */
@Description("A slow accessor throws on one thread while another thread of its interpreter claims the slot.")
@Outcome(id = "1, 1, true", expect = ACCEPTABLE, desc = "the failure reached its caller; the other thread owns the slot")
@Outcome(id = "2, 1, true", expect = ACCEPTABLE, desc = "the failing thread hit the other's value first")
@Outcome(
    expect = FORBIDDEN,
    desc = "the failure was lost or changed, or the slot does not hold the other thread's value")
public abstract class FailureStress {
  static final int SAW_FAILURE = 1;
  static final int SAW_OTHER_VALUE = 2;
  static final int SAW_SOMETHING_ELSE = 0;

  private final PyInterpreter interpreter = Interpreters.numbered(1);
  private final HandleHost host;
  private Handle failingThreadGot;
  private boolean failingThreadThrew;
  private Handle claimingThreadGot;

  FailureStress(HandleHost host) {
    this.host = host;
  }

  final void callFailing() {
    host.failOnThisThread();
    try {
      failingThreadGot = host.handle(interpreter);
    } catch (SlowAccessorFailure expected) {
      failingThreadThrew = true;
    }
  }

  final void callClaiming() {
    claimingThreadGot = host.handle(interpreter);
  }

  final void after(IIZ_Result r) {
    r.r1 = failingThreadThrew ? SAW_FAILURE
        : failingThreadGot == claimingThreadGot ? SAW_OTHER_VALUE
        : SAW_SOMETHING_ELSE;
    r.r2 = Handle.numberOf(claimingThreadGot);
    int slowCallsBefore = host.slowCalls(interpreter);
    r.r3 = host.handle(interpreter) == claimingThreadGot
        && host.slowCalls(interpreter) == slowCallsBefore;
  }

  @JCStressTest
  @State
  public static class OnPyHandleCache extends FailureStress {
    public OnPyHandleCache() {
      super(PyHandleCacheHost.withSlots(1));
    }

    @Actor
    public void actor1() {
      callFailing();
    }

    @Actor
    public void actor2() {
      callClaiming();
    }

    @Arbiter
    public void arbiter(IIZ_Result r) {
      after(r);
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedClass extends FailureStress {
    public OnGeneratedClass() {
      super(GeneratedHandleHost.create());
    }

    @Actor
    public void actor1() {
      callFailing();
    }

    @Actor
    public void actor2() {
      callClaiming();
    }

    @Arbiter
    public void arbiter(IIZ_Result r) {
      after(r);
    }
  }
}

package io.github.pyhandlecache.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.stress.host.GeneratedCurrentNumberHost;
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
 * Guarantee 3, isolation: threads of two interpreters race on one empty slot; each gets the value
 * computed for its own interpreter, and exactly one of them owns the slot afterwards.
 *
 * <p>Results: the number of the interpreter whose value each thread got, then the owners afterwards
 * as bits (1: interpreter 1, 2: interpreter 2).
 */
@Description("Threads of two interpreters race on one empty slot: each gets its own value, one owns the slot.")
@Outcome(id = "1, 2, 1", expect = ACCEPTABLE, desc = "interpreter 1 won the slot; each got its own value")
@Outcome(id = "1, 2, 2", expect = ACCEPTABLE, desc = "interpreter 2 won the slot; each got its own value")
@Outcome(
    expect = FORBIDDEN,
    desc = "a value of the other interpreter or a default value, or not exactly one owner")
public abstract class IsolationStress {
  private final PyInterpreter first = Interpreters.numbered(1);
  private final PyInterpreter second = Interpreters.numbered(2);
  private final Host host;

  IsolationStress(Host host) {
    this.host = host;
  }

  final int callFirst() {
    return host.numberFor(first);
  }

  final int callSecond() {
    return host.numberFor(second);
  }

  final int owners() {
    return (host.owns(first) ? 1 : 0) | (host.owns(second) ? 2 : 0);
  }

  @JCStressTest
  @State
  public static class OnPyHandleCache extends IsolationStress {
    public OnPyHandleCache() {
      super(PyHandleCacheHost.withSlots(1));
    }

    @Actor
    public void actor1(III_Result r) {
      r.r1 = callFirst();
    }

    @Actor
    public void actor2(III_Result r) {
      r.r2 = callSecond();
    }

    @Arbiter
    public void arbiter(III_Result r) {
      r.r3 = owners();
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedClass extends IsolationStress {
    public OnGeneratedClass() {
      super(GeneratedHandleHost.create());
    }

    @Actor
    public void actor1(III_Result r) {
      r.r1 = callFirst();
    }

    @Actor
    public void actor2(III_Result r) {
      r.r2 = callSecond();
    }

    @Arbiter
    public void arbiter(III_Result r) {
      r.r3 = owners();
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedPrimitive extends IsolationStress {
    public OnGeneratedPrimitive() {
      super(GeneratedNumberHost.create());
    }

    @Actor
    public void actor1(III_Result r) {
      r.r1 = callFirst();
    }

    @Actor
    public void actor2(III_Result r) {
      r.r2 = callSecond();
    }

    @Arbiter
    public void arbiter(III_Result r) {
      r.r3 = owners();
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedImplicitForm extends IsolationStress {
    public OnGeneratedImplicitForm() {
      super(GeneratedCurrentNumberHost.create());
    }

    @Actor
    public void actor1(III_Result r) {
      r.r1 = callFirst();
    }

    @Actor
    public void actor2(III_Result r) {
      r.r2 = callSecond();
    }

    @Arbiter
    public void arbiter(III_Result r) {
      r.r3 = owners();
    }
  }
}

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
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Guarantee 1, publication: two threads of one interpreter call on an empty slot; whichever claims
 * it, the other sees the value or computes its own, never the default value of the slot. Breaks if
 * the tag is published before the value.
 */
@Description("Two threads of one interpreter race on an empty slot: neither sees the slot's default value.")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "both got a value computed for their interpreter")
@Outcome(expect = FORBIDDEN, desc = "a default value (null or 0) that no slow accessor returned")
public abstract class PublicationStress {
  private final PyInterpreter interpreter = Interpreters.numbered(1);
  private final Host host;

  PublicationStress(Host host) {
    this.host = host;
  }

  final int call() {
    return host.numberFor(interpreter);
  }

  @JCStressTest
  @State
  public static class OnPyHandleCache extends PublicationStress {
    public OnPyHandleCache() {
      super(PyHandleCacheHost.withSlots(1));
    }

    @Actor
    public void actor1(II_Result r) {
      r.r1 = call();
    }

    @Actor
    public void actor2(II_Result r) {
      r.r2 = call();
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedClass extends PublicationStress {
    public OnGeneratedClass() {
      super(GeneratedHandleHost.create());
    }

    @Actor
    public void actor1(II_Result r) {
      r.r1 = call();
    }

    @Actor
    public void actor2(II_Result r) {
      r.r2 = call();
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedPrimitive extends PublicationStress {
    public OnGeneratedPrimitive() {
      super(GeneratedNumberHost.create());
    }

    @Actor
    public void actor1(II_Result r) {
      r.r1 = call();
    }

    @Actor
    public void actor2(II_Result r) {
      r.r2 = call();
    }
  }

  @JCStressTest
  @State
  public static class OnGeneratedImplicitForm extends PublicationStress {
    public OnGeneratedImplicitForm() {
      super(GeneratedCurrentNumberHost.create());
    }

    @Actor
    public void actor1(II_Result r) {
      r.r1 = call();
    }

    @Actor
    public void actor2(II_Result r) {
      r.r2 = call();
    }
  }
}

package io.github.pyhandlecache.sample;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;

/**
 * The sample's report: four short tables, each showing one property of the operator entries'
 * cached accessors on real GraalPy interpreters, with numbers measured in this run.
 */
final class SampleReport {
  private static final OperatorName ADD = OperatorName.parse("aten::add.Tensor");
  private static final OperatorName MUL = OperatorName.parse("aten::mul.Tensor");
  private static final int CALLS = 1_000;
  private static final Duration TIMING_BUDGET = Duration.ofMillis(300);

  private final InterpreterManager manager;
  private final PrintStream out;
  private final List<GraalPyInterpreter> interpreters = new ArrayList<>();
  private final OperatorEntry add;

  SampleReport(InterpreterManager manager, PrintStream out) {
    this.manager = manager;
    this.out = out;
    this.add = OperatorEntry.create(manager, ADD);
  }

  void run() {
    long start = System.nanoTime();
    for (int i = 0; i < OperatorEntry.INTERPRETER_SLOTS; i++) {
      interpreters.add(manager.start("interp-" + i));
    }
    out.printf(
        "pyhandlecache sample: PyTorch's operator handles, cached per embedded Python interpreter%n"
            + "%s; %d interpreters started in %.1f s%n%n",
        manager.description(), interpreters.size(), (System.nanoTime() - start) / 1e9);
    ownHandles();
    hitAgainstSlowLookup();
    torchDeploy();
    reclaim();
  }

  /** Every interpreter gets its own Python object, and the same one on every call. */
  private void ownHandles() {
    out.printf("1. Each interpreter gets its own Python object for %s%n", ADD);
    Table table =
        new Table(
            "interpreter",
            "add.pythonOp(interpreter)",
            "value's context",
            "is ops.aten.add.Tensor",
            "next call: is",
            ">op(2, 3)",
            ">slow lookups / " + CALLS + " calls");
    for (GraalPyInterpreter interpreter : interpreters) {
      long lookupsBefore = interpreter.operatorLookups();
      Value first = add.pythonOp(interpreter.tag());
      Value next = first;
      for (int i = 1; i < CALLS; i++) {
        next = add.pythonOp(interpreter.tag());
      }
      table.row(
          interpreter.name(),
          first,
          contextOwnerOf(first),
          python(interpreter.eval("lambda op: op is ops.aten.add.Tensor").execute(first)),
          python(interpreter.eval("lambda a, b: a is b").execute(first, next)),
          first.execute(2, 3),
          interpreter.operatorLookups() - lookupsBefore);
    }
    out.println(table);
  }

  /** A hit costs nanoseconds; the slow lookup it saves costs microseconds. */
  private void hitAgainstSlowLookup() {
    GraalPyInterpreter interpreter = interpreters.get(0);
    PyInterpreter tag = interpreter.tag();
    // The same entry without the generated subclass: every call runs the slow accessor's body.
    OperatorEntry uncached = new OperatorEntry(manager, ADD);
    out.printf("2. A cached hit against the slow lookup it saves (%s, warm loop)%n", interpreter.name());
    Table table =
        new Table("accessor", "form", ">slow lookup", ">cached hit", ">hit is faster by");
    double slowExplicit = CallCost.nanosPerCall(calls -> repeat(calls, () -> uncached.pythonOp(tag)), TIMING_BUDGET);
    double hitExplicit = CallCost.nanosPerCall(calls -> repeat(calls, () -> add.pythonOp(tag)), TIMING_BUDGET);
    table.row("pythonOp(interpreter)", "explicit", nanos(slowExplicit), nanos(hitExplicit), ratio(slowExplicit, hitExplicit));
    double slowImplicit = interpreter.call(() -> CallCost.nanosPerCall(calls -> repeat(calls, uncached::overloadPacket), TIMING_BUDGET));
    double hitImplicit = interpreter.call(() -> CallCost.nanosPerCall(calls -> repeat(calls, add::overloadPacket), TIMING_BUDGET));
    table.row("overloadPacket()", "implicit", nanos(slowImplicit), nanos(hitImplicit), ratio(slowImplicit, hitImplicit));
    out.println(table);
  }

  private static Object repeat(int calls, Supplier<Value> call) {
    Value last = null;
    for (int i = 0; i < calls; i++) {
      last = call.get();
    }
    return last;
  }

  private void torchDeploy() {}

  private void reclaim() {}

  /** Which of the sample's interpreters the GraalPy context of {@code value} belongs to. */
  private String contextOwnerOf(Value value) {
    for (GraalPyInterpreter interpreter : interpreters) {
      if (!interpreter.isClosed() && interpreter.context().equals(value.getContext())) {
        return interpreter.name();
      }
    }
    return "none of them";
  }

  private static String python(Value bool) {
    return bool.asBoolean() ? "True" : "False";
  }

  private static String nanos(double nanos) {
    return String.format(Locale.ROOT, nanos < 100 ? "%,.1f ns" : "%,.0f ns", nanos);
  }

  private static String ratio(double slow, double fast) {
    return String.format(Locale.ROOT, "%,.0fx", slow / fast);
  }
}

package io.github.pyhandlecache.sample;

import io.github.pyhandlecache.graalpy.GraalPyInterpreter;
import io.github.pyhandlecache.jfr.CacheEventSummary;
import io.github.pyhandlecache.jfr.TextTable;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;

/**
 * The sample's report: short tables, each showing one property of the operator entries' cached
 * accessors on real GraalPy interpreters, with numbers measured in this run.
 */
final class SampleReport {
  private static final OperatorName ADD = OperatorName.parse("aten::add.Tensor");
  private static final OperatorName MUL = OperatorName.parse("aten::mul.Tensor");
  private static final OperatorName NEG = OperatorName.parse("aten::neg.default");
  private static final int CALLS = 1_000;
  private static final double MIB = 1024 * 1024;

  private final Engine engine;
  private final PrintStream out;
  private final List<GraalPyInterpreter> interpreters = new ArrayList<>();
  private final OperatorEntry add = OperatorEntry.create(ADD);

  SampleReport(Engine engine, PrintStream out) {
    this.engine = engine;
    this.out = out;
  }

  /** Prints the report; closes the interpreters it started. */
  void run() {
    try {
      long start = System.nanoTime();
      for (int i = 0; i < OperatorEntry.INTERPRETER_SLOTS; i++) {
        interpreters.add(OpsModule.start(engine, "interp-" + i));
      }
      double startSeconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          "pyhandlecache sample: PyTorch's operator handles, cached per embedded Python interpreter%n"
              + "%s on %s%n"
              + "%d GraalPy interpreters sharing one engine, started in %.1f s%n%n",
          OpsModule.implementation(interpreters.get(0)),
          SampleEngine.hostDescription(engine),
          interpreters.size(),
          startSeconds);
      ownHandles();
      hitAgainstSlowLookup();
      torchDeploy();
      reclaim();
      contextChurn();
      pythonCallsBack();
      out.printf(
          "Times are ns per call in warm loops: the best %d ms window, once the best ones have"
              + " settled. Slow lookups count the calls that ran the slow accessor.%n",
          CallCost.WINDOW.toMillis());
    } finally {
      interpreters.forEach(GraalPyInterpreter::close);
    }
  }

  /** Every interpreter gets its own Python object, and the same one on every call. */
  private void ownHandles() {
    out.printf(
        "1. Each interpreter gets its own Python object for %s, the same one in %s calls%n",
        ADD, count(CALLS));
    TextTable table =
        new TextTable(
            "interpreter",
            "add.pythonOp(interpreter)",
            "context",
            "call 1 is call " + count(CALLS),
            "is ops.aten.add.Tensor",
            ">slow lookups");
    for (GraalPyInterpreter interpreter : interpreters) {
      long lookupsBefore = add.slowLookups();
      Value first = add.pythonOp(interpreter.interpreter());
      Value last = first;
      for (int i = 1; i < CALLS; i++) {
        last = add.pythonOp(interpreter.interpreter());
      }
      long lookups = add.slowLookups() - lookupsBefore;
      table.row(
          interpreter.name(),
          first,
          contextOwnerOf(first),
          python(eval(interpreter, "lambda a, b: a is b").execute(first, last)),
          python(eval(interpreter, "lambda op: op is ops.aten.add.Tensor").execute(first)),
          count(lookups));
    }
    out.println(table.ruled().toString().indent(2));
  }

  /** A hit costs nanoseconds; the slow lookup it saves costs microseconds. */
  private void hitAgainstSlowLookup() {
    GraalPyInterpreter interpreter = interpreters.get(0);
    PyInterpreter tag = interpreter.interpreter();
    // The same entry without the generated subclass: every call runs the slow accessor's body.
    OperatorEntry uncached = new OperatorEntry(ADD);
    out.printf(
        "2. A cached hit against the slow lookup it saves, in %s%n", interpreter.name());
    TextTable table =
        new TextTable("accessor of " + ADD, "form", ">slow lookup", ">cached hit", ">hit is faster by");
    // Each batch loops in its own lambda, so that every timed call site sees one receiver type.
    // The implicit form's batches run inside the interpreter, where its tag is current.
    double[] times =
        CallCost.bestNanosPerCall(
            calls -> {
              Value last = null;
              for (int i = 0; i < calls; i++) {
                last = uncached.pythonOp(tag);
              }
              return last;
            },
            calls -> {
              Value last = null;
              for (int i = 0; i < calls; i++) {
                last = add.pythonOp(tag);
              }
              return last;
            },
            calls -> {
              try (GraalPyInterpreter.Scope scope = interpreter.enter()) {
                Value last = null;
                for (int i = 0; i < calls; i++) {
                  last = uncached.overloadPacket();
                }
                return last;
              }
            },
            calls -> {
              try (GraalPyInterpreter.Scope scope = interpreter.enter()) {
                Value last = null;
                for (int i = 0; i < calls; i++) {
                  last = add.overloadPacket();
                }
                return last;
              }
            });
    double slowExplicit = times[0];
    double hitExplicit = times[1];
    double slowImplicit = times[2];
    double hitImplicit = times[3];
    table.row(
        "pythonOp(interpreter)",
        "explicit",
        nanos(slowExplicit),
        nanos(hitExplicit),
        ratio(slowExplicit, hitExplicit));
    table.row(
        "overloadPacket()",
        "implicit",
        nanos(slowImplicit),
        nanos(hitImplicit),
        ratio(slowImplicit, hitImplicit));
    out.println(table.ruled().toString().indent(2));
  }

  /**
   * PyTorch's single slot serves the first interpreter only (its own comment: "expected to not
   * improve perf under torchdeploy"); a slot per interpreter serves them all.
   */
  private void torchDeploy() {
    OperatorEntry singleSlot = SingleSlotOperatorEntry.create(MUL);
    OperatorEntry slotPerInterpreter = OperatorEntry.create(MUL);
    out.printf(
        "3. torch::deploy: %d interpreters call %s.pythonOp(interpreter) %s times each%n",
        interpreters.size(), MUL, count(CALLS));
    TextTable table =
        new TextTable(
            "interpreter",
            ">slots = 1, as PyTorch",
            ">slow lookups",
            ">slots = " + OperatorEntry.INTERPRETER_SLOTS,
            ">slow lookups",
            ">faster by");
    long[] singleSlotLookups = new long[interpreters.size()];
    long[] slotPerInterpreterLookups = new long[interpreters.size()];
    CallCost.Batch[] batches = new CallCost.Batch[2 * interpreters.size()];
    CacheEventSummary recorded =
        CacheRecording.of(
            "torch-deploy",
            () -> {
              for (int i = 0; i < interpreters.size(); i++) {
                GraalPyInterpreter interpreter = interpreters.get(i);
                // As under torch::deploy, each interpreter's work runs on a thread of its own:
                // threadFactory() makes threads whose current interpreter is that interpreter.
                int index = i;
                onThreadOf(interpreter, () -> {
                  singleSlotLookups[index] = slowLookups(singleSlot, interpreter);
                  slotPerInterpreterLookups[index] = slowLookups(slotPerInterpreter, interpreter);
                });
                batches[2 * i] = pythonOpCalls(singleSlot, interpreter.interpreter());
                batches[2 * i + 1] = pythonOpCalls(slotPerInterpreter, interpreter.interpreter());
              }
            });
    double[] times = CallCost.bestNanosPerCall(batches);
    for (int i = 0; i < interpreters.size(); i++) {
      double single = times[2 * i];
      double perInterpreter = times[2 * i + 1];
      table.row(
          interpreters.get(i).name(),
          nanos(single),
          count(singleSlotLookups[i]),
          nanos(perInterpreter),
          count(slotPerInterpreterLookups[i]),
          // Where both layouts hit, their times differ by noise only.
          singleSlotLookups[i] == slotPerInterpreterLookups[i]
              ? "both hit"
              : ratio(single, perInterpreter));
    }
    out.println(table.ruled().toString().indent(2));
    out.printf(
        "  What a JDK Flight Recorder recording of those calls shows (CacheEventSummary):%n%s%n",
        recorded.format().indent(2).replaceAll("(?m)[ \t]+$", "").stripTrailing());
    out.println();
  }

  /**
   * Once every slot is owned, a new interpreter takes the slow path, as the cache promises; when an
   * owner closes, the next miss of a live interpreter reclaims its slot.
   */
  private void reclaim() {
    List<GraalPyInterpreter> owners = new ArrayList<>(interpreters);
    GraalPyInterpreter leaving = owners.get(owners.size() / 2);
    GraalPyInterpreter newcomer = OpsModule.start(engine, "interp-" + owners.size());
    interpreters.add(newcomer);
    out.printf(
        "4. %s starts while the others own all %d slots of %s.pythonOp, then %s closes"
            + " (%s calls each)%n",
        newcomer.name(), OperatorEntry.INTERPRETER_SLOTS, ADD, leaving.name(), count(CALLS));
    TextTable table =
        new TextTable(
            "step",
            ">" + newcomer.name() + ": slow lookups",
            newcomer.name() + "'s value from",
            ">the others: slow lookups");
    table.row(
        "all slots owned",
        count(slowLookups(add, newcomer)),
        contextOwnerOf(add.pythonOp(newcomer.interpreter())),
        count(slowLookups(add, owners)));
    leaving.close();
    interpreters.remove(leaving);
    owners.remove(leaving);
    table.row(
        leaving.name() + " closed",
        count(slowLookups(add, newcomer)),
        contextOwnerOf(add.pythonOp(newcomer.interpreter())),
        count(slowLookups(add, owners)));
    out.println(table.ruled().toString().indent(2));
  }

  /** Runs {@code work} on a thread of {@code interpreter}'s thread factory, and waits for it. */
  private static void onThreadOf(GraalPyInterpreter interpreter, Runnable work) {
    ExecutorService worker =
        Executors.newSingleThreadExecutor(interpreter.interpreter().threadFactory());
    try {
      worker.submit(() -> {
        if (PyInterpreter.current() != interpreter.interpreter()) {
          throw new IllegalStateException("not a thread of " + interpreter.name());
        }
        work.run();
      }).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      worker.shutdown();
    }
  }

  /** How many of {@link #CALLS} calls of {@code entry.pythonOp} ran the slow lookup. */
  private static long slowLookups(OperatorEntry entry, GraalPyInterpreter interpreter) {
    long before = entry.slowLookups();
    for (int i = 0; i < CALLS; i++) {
      entry.pythonOp(interpreter.interpreter());
    }
    return entry.slowLookups() - before;
  }

  private static long slowLookups(OperatorEntry entry, List<GraalPyInterpreter> interpreters) {
    long total = 0;
    for (GraalPyInterpreter interpreter : interpreters) {
      total += slowLookups(entry, interpreter);
    }
    return total;
  }

  private static CallCost.Batch pythonOpCalls(OperatorEntry entry, PyInterpreter tag) {
    return calls -> {
      Value last = null;
      for (int i = 0; i < calls; i++) {
        last = entry.pythonOp(tag);
      }
      return last;
    };
  }

  /**
   * Section 5: interpreters come and go while host objects stay; closing an interpreter releases
   * what the caches hold for it, which closing its context alone does not.
   */
  private void contextChurn() {
    out.printf(
        "5. Context churn: %d interpreters in turn, each with %d MiB of Python data, call overloadPacket()"
            + " of a random %d of %d entries, then close%n",
        ContextChurn.CONTEXTS,
        ContextChurn.PYTHON_DATA_MIB,
        ContextChurn.TOUCHED_ENTRIES,
        ContextChurn.ENTRIES);
    TextTable table =
        new TextTable(
            "closing each interpreter with",
            ">values cached",
            ">still reachable",
            ">heap retained",
            ">once the entries are dropped");
    for (ContextChurn.Closing closing : ContextChurn.Closing.values()) {
      ContextChurn.Result result = ContextChurn.run(engine, closing);
      table.row(
          closing.description,
          count(result.cachedValues()),
          count(result.reachableValues()),
          mebibytes(result.retainedBytes()),
          mebibytes(result.retainedWithoutEntriesBytes()));
    }
    out.println(table.ruled().toString().indent(2));
  }

  /**
   * Section 6: Python code calls back into Java, on a thread that entered no scope; the implicit
   * form finds the interpreter of the calling context through the graalpy module.
   */
  private void pythonCallsBack() {
    OperatorEntry neg = OperatorEntry.create(NEG);
    HostOperator host = new HostOperator(neg);
    out.printf(
        "6. Python calls back into Java: ops.call_back(host, %s) calls %s's overloadPacket() from"
            + " Python, no scope entered%n",
        count(CALLS), NEG);
    TextTable table =
        new TextTable(
            "interpreter",
            "PyInterpreter.current() in the callback",
            ">slow lookups",
            "every call returned its own ops.aten.neg");
    for (GraalPyInterpreter interpreter : interpreters) {
      long before = neg.slowLookups();
      Value sameAndCurrent =
          interpreter.context().getBindings("python").getMember("call_back").execute(host, CALLS);
      table.row(
          interpreter.name(),
          sameAndCurrent.getArrayElement(1).asString(),
          count(neg.slowLookups() - before),
          python(sameAndCurrent.getArrayElement(0)));
    }
    out.println(table.ruled().toString().indent(2));
  }

  /** Which of the sample's open interpreters the GraalPy context of {@code value} belongs to. */
  private static String contextOwnerOf(Value value) {
    return GraalPyInterpreter.of(value.getContext())
        .map(GraalPyInterpreter::name)
        .orElse("none of them");
  }

  private static Value eval(GraalPyInterpreter interpreter, String expression) {
    return interpreter.context().eval("python", expression);
  }

  private static String python(Value bool) {
    return bool.asBoolean() ? "True" : "False";
  }

  private static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  private static String nanos(double nanos) {
    return String.format(Locale.ROOT, nanos < 100 ? "%,.1f" : "%,.0f", nanos);
  }

  private static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MiB", bytes / MIB);
  }

  private static String ratio(double slow, double fast) {
    return String.format(Locale.ROOT, slow / fast < 10 ? "%,.1fx" : "%,.0fx", slow / fast);
  }
}

package io.github.pyhandlecache.sample;

import io.github.pyhandlecache.graalpy.GraalPyInterpreter;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;

/**
 * Short-lived interpreters, each with a large Python heap, leave values in the caches of long-lived
 * host objects. Closing a {@link GraalPyInterpreter} releases them; closing only the context, which
 * is what the code before the release amounted to, leaves them reachable, and with them everything
 * they reference in their closed context.
 */
final class ContextChurn {
  static final int ENTRIES = 400;
  static final int CONTEXTS = 12;
  static final int TOUCHED_ENTRIES = ENTRIES / 4;
  static final int PYTHON_DATA_MIB = 20;
  private static final long SEED = 42;

  /** How each short-lived interpreter is closed. */
  enum Closing {
    /** {@link GraalPyInterpreter#close()}: the interpreter, releasing its cached values, then the context. */
    INTERPRETER("GraalPyInterpreter.close()"),
    /** {@link Context#close()} alone: the interpreter stays open, and its slots full. */
    CONTEXT_ONLY("Context.close() only, as before");

    final String description;

    Closing(String description) {
      this.description = description;
    }
  }

  /**
   * What one churn left behind, after a full GC.
   *
   * @param cachedValues values that the entries' caches held when their interpreter closed
   * @param reachableValues how many of them are still reachable
   * @param retainedBytes heap in use, above what was in use before the churn
   * @param retainedWithoutEntriesBytes the same, once the host objects are dropped too
   */
  record Result(
      Closing closing,
      int cachedValues,
      int reachableValues,
      long retainedBytes,
      long retainedWithoutEntriesBytes) {}

  private ContextChurn() {}

  /**
   * Creates {@link #ENTRIES} entries; starts {@link #CONTEXTS} interpreters in turn, each of which
   * allocates {@link #PYTHON_DATA_MIB} MiB of Python data, calls {@code overloadPacket()} of a
   * random quarter of the entries (the same quarters for every {@code closing}), and is closed.
   */
  static Result run(Engine engine, Closing closing) {
    long before = usedHeapAfterGc();
    List<OperatorEntry> entries = new ArrayList<>();
    for (int i = 0; i < ENTRIES; i++) {
      entries.add(OperatorEntry.create(new OperatorName("churn", "op" + i, "default")));
    }
    List<WeakReference<Value>> cached = churn(engine, closing, entries);
    // Less than before counts as nothing retained: what was garbage then is collected now.
    long retained = Math.max(0, usedHeapAfterGc() - before);
    int reachable = (int) cached.stream().filter(value -> !value.refersTo(null)).count();
    entries = null; // drop the host objects, and with them whatever their caches still hold
    long retainedWithoutEntries = Math.max(0, usedHeapAfterGc() - before);
    return new Result(closing, cached.size(), reachable, retained, retainedWithoutEntries);
  }

  /**
   * Runs the interpreters in turn; returns the values they cached, weakly. Each interpreter runs in
   * a method of its own, so that no local variable of a finished one (in a frame the JIT has not
   * compiled, the GC takes every local for live) keeps its context reachable.
   */
  private static List<WeakReference<Value>> churn(
      Engine engine, Closing closing, List<OperatorEntry> entries) {
    Random random = new Random(SEED);
    List<WeakReference<Value>> cached = new ArrayList<>();
    for (int i = 0; i < CONTEXTS; i++) {
      List<OperatorEntry> shuffled = new ArrayList<>(entries);
      Collections.shuffle(shuffled, random);
      List<OperatorEntry> touched = shuffled.subList(0, TOUCHED_ENTRIES);
      String name = "churn-" + i;
      cached.addAll(
          closing == Closing.INTERPRETER
              ? closingTheInterpreter(engine, name, touched)
              : closingOnlyTheContext(engine, name, touched));
    }
    return cached;
  }

  private static List<WeakReference<Value>> closingTheInterpreter(
      Engine engine, String name, List<OperatorEntry> touched) {
    try (GraalPyInterpreter python = OpsModule.start(engine, name)) {
      allocatePythonData(python.context());
      try (GraalPyInterpreter.Scope scope = python.enter()) {
        return callAndKeepCached(touched);
      }
    }
  }

  private static List<WeakReference<Value>> closingOnlyTheContext(
      Engine engine, String name, List<OperatorEntry> touched) {
    PyInterpreter interpreter = PyInterpreter.create(name);
    Context context = Context.newBuilder("python").engine(engine).build();
    OpsModule.load(context, name);
    allocatePythonData(context);
    context.enter();
    try (PyInterpreter.Scope scope = interpreter.enter()) {
      return callAndKeepCached(touched);
    } finally {
      context.leave();
      context.close(); // and not interpreter.close(): what the code before the release amounted to
    }
  }

  /**
   * Makes the context's heap large: a global that every cached {@code OpOverloadPacket} reaches
   * (through its class, its methods and their module's globals), as a real operator object reaches
   * the whole {@code torch} module.
   */
  private static void allocatePythonData(Context context) {
    context.eval("python", "python_data = bytearray(" + PYTHON_DATA_MIB + " * 1024 * 1024)");
  }

  /** Calls each entry's accessor twice; keeps weakly the values that the second call hit. */
  private static List<WeakReference<Value>> callAndKeepCached(List<OperatorEntry> entries) {
    List<WeakReference<Value>> cached = new ArrayList<>();
    for (OperatorEntry entry : entries) {
      Value value = entry.overloadPacket();
      if (entry.overloadPacket() == value) {
        cached.add(new WeakReference<>(value));
      }
    }
    return cached;
  }

  /**
   * Heap in use after full collections, once two in a row have freed less than a MiB. One is not
   * enough: the polyglot engine frees a context whose API object was collected on a cleaner thread,
   * after the collection that found it.
   */
  static long usedHeapAfterGc() {
    long used = Long.MAX_VALUE;
    int steady = 0;
    for (int i = 0; i < 40 && steady < 2; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      steady = now > used - (1 << 20) ? steady + 1 : 0;
      used = Math.min(used, now);
    }
    return used;
  }
}

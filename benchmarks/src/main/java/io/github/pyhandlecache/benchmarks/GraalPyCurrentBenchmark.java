package io.github.pyhandlecache.benchmarks;

import io.github.pyhandlecache.graalpy.GraalPyInterpreter;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PyInterpreter#current()} with no scope entered, on real GraalPy contexts (four bound, on
 * one engine): on a thread inside one of them, entered with {@link Context#enter()} as Python
 * callbacks and Python threads are, and on a thread outside every context. Beside them, in the same
 * run: a plain {@link ThreadLocal#get()}, the floor of any per-thread answer (on a thread of its
 * own, and on the thread inside a context, whose thread-local map GraalPy has filled), and the
 * lookup as it was before the module followed contexts itself ({@link Context#getCurrent()} and a
 * map), inside and outside a context.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar GraalPyCurrentBenchmark -f 3 -prof gc}.
 * GraalPy unpacks its standard library next to benchmarks.jar (target/graalpy-resource-cache)
 * unless {@code polyglot.engine.userResourceCache} says otherwise.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class GraalPyCurrentBenchmark {
  private static final int CONTEXTS = 4;
  private static final ThreadLocal<Object> FLOOR = new ThreadLocal<>();

  /** The engine and its four bound contexts, shared by the benchmark's threads. */
  @State(Scope.Benchmark)
  public static class BoundContexts {
    Engine engine;
    GraalPyInterpreter[] bound = new GraalPyInterpreter[CONTEXTS];
    /** The previous lookup's map, keyed by Context.equals as it was. */
    ConcurrentHashMap<Context, PyInterpreter> byContext = new ConcurrentHashMap<>();

    @Setup(Level.Trial)
    public void start() throws URISyntaxException {
      if (System.getProperty("polyglot.engine.userResourceCache") == null) {
        Path jar =
            Path.of(
                GraalPyCurrentBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        System.setProperty(
            "polyglot.engine.userResourceCache",
            jar.resolveSibling("graalpy-resource-cache").toString());
      }
      engine =
          Engine.newBuilder("python")
              // On a stock JDK Truffle interprets guest code and warns about it on every start.
              .option("engine.WarnInterpreterOnly", "false")
              .build();
      for (int i = 0; i < CONTEXTS; i++) {
        bound[i] =
            GraalPyInterpreter.create("python-" + i, Context.newBuilder("python").engine(engine));
        byContext.put(bound[i].context(), bound[i].interpreter());
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      for (GraalPyInterpreter python : bound) {
        python.close();
      }
      engine.close();
    }
  }

  /**
   * The benchmark thread inside the third context, entered without a scope. JMH runs a
   * thread-scoped state's setup and teardown on the thread that then runs the benchmark; {@link
   * #check} says so at each iteration, or fails the run.
   */
  @State(Scope.Thread)
  public static class InsideABoundContext {
    GraalPyInterpreter python;
    Thread entered;

    @Setup(Level.Trial)
    public void enter(BoundContexts contexts) {
      python = contexts.bound[2];
      python.context().enter();
      entered = Thread.currentThread();
      check();
    }

    @TearDown(Level.Iteration)
    public void check() {
      if (Thread.currentThread() != entered || PyInterpreter.current() != python.interpreter()) {
        throw new IllegalStateException("not measuring a thread inside " + python);
      }
    }

    @TearDown(Level.Trial)
    public void leave() {
      python.context().leave();
    }
  }

  /** The benchmark thread, outside every context while the four are bound. */
  @State(Scope.Thread)
  public static class OutsideEveryContext {
    @Setup(Level.Iteration)
    public void check(BoundContexts contexts) {
      if (PyInterpreter.current() != null) {
        throw new IllegalStateException("not measuring a thread outside every context");
      }
    }
  }

  @Setup
  public void setFloor() {
    FLOOR.set(this);
  }

  // The floor

  @Benchmark
  public Object threadLocalGet() {
    return FLOOR.get();
  }

  /** The floor on the thread that {@link #currentInsideABoundContext} measures. */
  @Benchmark
  public Object threadLocalGetInsideABoundContext(InsideABoundContext inside) {
    return FLOOR.get();
  }

  // PyInterpreter.current() with no scope: what the implicit form of a cached accessor calls

  @Benchmark
  public PyInterpreter currentInsideABoundContext(InsideABoundContext inside) {
    return PyInterpreter.current();
  }

  @Benchmark
  public PyInterpreter currentOutsideEveryContext(OutsideEveryContext outside) {
    return PyInterpreter.current();
  }

  // The lookup before this module followed contexts itself: Context.getCurrent(), which throws
  // outside every context, and a map from the contexts to their interpreters (what current() added
  // to it, a thread-local read, is not measured here)

  @Benchmark
  public PyInterpreter previousLookupInsideABoundContext(
      BoundContexts contexts, InsideABoundContext inside) {
    return previousLookup(contexts);
  }

  @Benchmark
  public PyInterpreter previousLookupOutsideEveryContext(
      BoundContexts contexts, OutsideEveryContext outside) {
    return previousLookup(contexts);
  }

  private static PyInterpreter previousLookup(BoundContexts contexts) {
    if (contexts.byContext.isEmpty()) {
      return null;
    }
    Context current;
    try {
      current = Context.getCurrent();
    } catch (IllegalStateException inNoContext) {
      return null;
    }
    return contexts.byContext.get(current);
  }
}

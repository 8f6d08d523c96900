package io.github.pyhandlecache.benchmarks;

import io.github.pyhandlecache.benchmarks.operators.Operator;
import io.github.pyhandlecache.benchmarks.operators.UncachedOperator;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A first miss that claims: each of {@value #HOSTS} fresh objects is asked once, so every call runs
 * the slow accessor, makes the object's registration and appends it to the interpreter's, and
 * claims a slot of the table that the object's constructor allocated. Against the slow accessor
 * called on as many fresh objects with no cache.
 *
 * <p>The hosts are created before each invocation, outside the timing, so the time is the calls'
 * alone. {@code -prof gc} counts the setup's allocation too; every benchmark here allocates the
 * same hosts there, so the difference of their B/op is what a claim allocates.
 *
 * <p>Two interpreters claim: one that lives as long as the benchmark, so that the registrations of
 * the objects it claimed pile up as they die (until the runtime purges them), and one that is
 * closed after each invocation, outside the timing, and replaced.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
public class ClaimBenchmark {
  static final int HOSTS = 1_000;
  private static final String NAME = "aten::add";

  /** Fresh hosts for every invocation: generated and uncached, so that every benchmark allocates both. */
  @State(Scope.Thread)
  public static class FreshHosts {
    Operator[] generated;
    Operator[] uncached;

    @Setup(Level.Invocation)
    public void create() {
      generated = new Operator[HOSTS];
      uncached = new Operator[HOSTS];
      for (int i = 0; i < HOSTS; i++) {
        generated[i] = Operator.create(NAME);
        uncached[i] = new UncachedOperator(NAME);
      }
    }
  }

  /** One interpreter for the whole benchmark. */
  @State(Scope.Thread)
  public static class LongLivedInterpreter {
    PyInterpreter interpreter;

    @Setup(Level.Trial)
    public void create() {
      interpreter = PyInterpreter.create("main");
    }
  }

  /** An interpreter closed after each invocation, outside the timing, and replaced. */
  @State(Scope.Thread)
  public static class InterpreterPerInvocation {
    PyInterpreter interpreter;

    @Setup(Level.Invocation)
    public void create() {
      interpreter = PyInterpreter.create("main");
    }

    @TearDown(Level.Invocation)
    public void close() {
      interpreter.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(HOSTS)
  public void firstClaim(FreshHosts hosts, LongLivedInterpreter main, Blackhole blackhole) {
    claimEach(hosts.generated, main.interpreter, blackhole);
  }

  @Benchmark
  @OperationsPerInvocation(HOSTS)
  public void firstClaimInterpreterClosedAfter(
      FreshHosts hosts, InterpreterPerInvocation main, Blackhole blackhole) {
    claimEach(hosts.generated, main.interpreter, blackhole);
  }

  @Benchmark
  @OperationsPerInvocation(HOSTS)
  public void slowAccessorFreshObject(
      FreshHosts hosts, LongLivedInterpreter main, Blackhole blackhole) {
    claimEach(hosts.uncached, main.interpreter, blackhole);
  }

  /** Calls the explicit accessor of each host once. */
  private static void claimEach(Operator[] hosts, PyInterpreter interpreter, Blackhole blackhole) {
    for (Operator host : hosts) {
      blackhole.consume(host.pyObject(interpreter));
    }
  }
}

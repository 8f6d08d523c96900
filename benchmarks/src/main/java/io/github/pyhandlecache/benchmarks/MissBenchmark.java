package io.github.pyhandlecache.benchmarks;

import io.github.pyhandlecache.benchmarks.operators.GetOrOperator;
import io.github.pyhandlecache.benchmarks.operators.Operator;
import io.github.pyhandlecache.benchmarks.operators.PyObjectStub;
import io.github.pyhandlecache.benchmarks.operators.UncachedOperator;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The paths that run the slow accessor, each against running it with no cache at all: a bypass
 * (the slot belongs to another, open interpreter) and a first claim on a fresh object.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Thread)
public class MissBenchmark {
  private static final String NAME = "aten::add";

  private PyInterpreter interpreter;
  private Operator ownedByOther;
  private Operator uncached;

  @Setup
  public void fill() {
    interpreter = PyInterpreter.create("main");
    PyInterpreter other = PyInterpreter.create("other"); // stays open: its slot is never reclaimed
    ownedByOther = Operator.create(NAME);
    ownedByOther.pyObject(other);
    if (ownedByOther.pyObject(interpreter) == ownedByOther.pyObject(interpreter)) {
      throw new IllegalStateException("the slot should belong to the other interpreter");
    }
    uncached = new UncachedOperator(NAME);
  }

  @Benchmark
  public PyObjectStub bypassOwnedByOther() {
    return ownedByOther.pyObject(interpreter);
  }

  @Benchmark
  public PyObjectStub slowAccessorDirect() {
    return uncached.pyObject(interpreter);
  }

  // Fresh objects go to the blackhole so that escape analysis cannot remove them from one side only.

  @Benchmark
  public PyObjectStub firstClaimFreshObject(Blackhole blackhole) {
    Operator operator = Operator.create(NAME);
    blackhole.consume(operator);
    return operator.pyObject(interpreter);
  }

  @Benchmark
  public PyObjectStub getOrFirstClaimFreshObject(Blackhole blackhole) {
    GetOrOperator operator = new GetOrOperator(NAME);
    blackhole.consume(operator);
    return operator.pyObject(interpreter);
  }

  @Benchmark
  public PyObjectStub slowAccessorFreshObject(Blackhole blackhole) {
    Operator operator = new UncachedOperator(NAME);
    blackhole.consume(operator);
    return operator.pyObject(interpreter);
  }
}

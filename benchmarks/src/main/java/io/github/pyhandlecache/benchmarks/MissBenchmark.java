package io.github.pyhandlecache.benchmarks;

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

/**
 * A bypass against running the slow accessor with no cache at all: the caller's interpreter finds
 * the accessor's one slot owned by another, open interpreter, so the slow accessor runs on every
 * call and nothing is cached. (A first claim is {@link ClaimBenchmark}'s.)
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
}

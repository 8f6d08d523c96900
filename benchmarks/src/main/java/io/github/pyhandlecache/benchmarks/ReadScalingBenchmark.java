package io.github.pyhandlecache.benchmarks;

import io.github.pyhandlecache.benchmarks.operators.Operator;
import io.github.pyhandlecache.benchmarks.operators.PlainFieldOperator;
import io.github.pyhandlecache.benchmarks.operators.PyObjectStub;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One and two threads of one interpreter hitting the same object. A hit writes no shared memory, so
 * two threads should do twice the work; the plain final field shows what this machine allows.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Benchmark)
public class ReadScalingBenchmark {
  private static final String NAME = "aten::add";

  private PyInterpreter interpreter;
  private Operator generated;
  private PlainFieldOperator plainField;

  @Setup
  public void fill() {
    interpreter = PyInterpreter.create("main");
    generated = Operator.create(NAME);
    generated.pyObject(interpreter);
    plainField = new PlainFieldOperator(PyObjectStub.wrap(interpreter, NAME));
  }

  @Benchmark
  @Threads(1)
  public PyObjectStub generatedOneThread() {
    return generated.pyObject(interpreter);
  }

  @Benchmark
  @Threads(2)
  public PyObjectStub generatedTwoThreads() {
    return generated.pyObject(interpreter);
  }

  @Benchmark
  @Threads(1)
  public PyObjectStub plainFieldOneThread() {
    return plainField.pyObject();
  }

  @Benchmark
  @Threads(2)
  public PyObjectStub plainFieldTwoThreads() {
    return plainField.pyObject();
  }
}

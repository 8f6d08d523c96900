package io.github.pyhandlecache.benchmarks;

import io.github.pyhandlecache.benchmarks.operators.Operator;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A hit of the getter form (no parameter: {@code PyInterpreter.current()}) on a thread made by an
 * interpreter's {@code threadFactory()}, where the current interpreter is a field of the thread,
 * against the explicit form's hit on the same threads and object. JMH runs benchmarks on threads of
 * its own; this class needs them to come from {@link InterpreterThreadExecutor}, which the forked
 * JVM uses with {@code -Djmh.executor=CUSTOM -Djmh.executor.class=}{@code
 * io.github.pyhandlecache.benchmarks.InterpreterThreadExecutor} ({@code benchmarks/run} passes them
 * in a JMH invocation of its own); the setup fails on any other thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Thread) // Thread scope: the setup runs on the benchmark's thread
public class InterpreterThreadBenchmark {
  private static final String NAME = "aten::add";

  private PyInterpreter interpreter;
  private Operator generated;

  @Setup
  public void fill() {
    interpreter = InterpreterThreadExecutor.INTERPRETER;
    if (PyInterpreter.current() != interpreter) {
      throw new IllegalStateException("not on a thread of " + interpreter + " but on "
          + Thread.currentThread().getName() + ": run with -jvmArgsAppend \"-Djmh.executor=CUSTOM"
          + " -Djmh.executor.class=" + InterpreterThreadExecutor.class.getName() + "\"");
    }
    generated = Operator.create(NAME);
    if (generated.pyObject(interpreter) != generated.pyObject(interpreter)
        || generated.currentPyObject() != generated.currentPyObject()) {
      throw new IllegalStateException("not cached");
    }
  }

  @Benchmark
  public PyObjectStub explicitOnInterpreterThread() {
    return generated.pyObject(interpreter);
  }

  @Benchmark
  public PyObjectStub implicitOnInterpreterThread() {
    return generated.currentPyObject();
  }
}

package io.github.pyhandlecache.benchmarks;

import io.github.pyhandlecache.benchmarks.operators.Operator;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code close()} of interpreters that each claimed one slot on each of {@code slotsPerInterpreter}
 * objects, in time per released slot. Every invocation releases {@value #SLOTS} slots in all (so
 * many interpreters of 1 slot, one interpreter of 10,000), claimed before it, outside the timing,
 * by fresh interpreters on the same {@value #SLOTS} objects.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Thread)
public class CloseBenchmark {
  static final int SLOTS = 10_000;
  private static final String NAME = "aten::add";

  @Param({"1", "100", "10000"})
  public int slotsPerInterpreter;

  private Operator[] hosts;
  private PyInterpreter[] interpreters;

  @Setup(Level.Trial)
  public void createHosts() {
    hosts = new Operator[SLOTS];
    for (int i = 0; i < SLOTS; i++) {
      hosts[i] = Operator.create(NAME);
    }
  }

  @Setup(Level.Invocation)
  public void claimSlots() {
    interpreters = new PyInterpreter[SLOTS / slotsPerInterpreter];
    for (int k = 0; k < interpreters.length; k++) {
      PyInterpreter interpreter = PyInterpreter.create("interpreter-" + k);
      for (int i = k * slotsPerInterpreter; i < (k + 1) * slotsPerInterpreter; i++) {
        if (hosts[i].pyObject(interpreter) != hosts[i].pyObject(interpreter)) {
          throw new IllegalStateException("slot " + i + " not claimed by " + interpreter);
        }
      }
      interpreters[k] = interpreter;
    }
  }

  @Benchmark
  @OperationsPerInvocation(SLOTS)
  public void closePerSlot() {
    for (PyInterpreter interpreter : interpreters) {
      interpreter.close();
    }
  }
}

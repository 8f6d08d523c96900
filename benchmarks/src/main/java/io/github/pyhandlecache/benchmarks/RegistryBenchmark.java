package io.github.pyhandlecache.benchmarks;

import io.github.pyhandlecache.benchmarks.operators.InlineValidatedOperator;
import io.github.pyhandlecache.benchmarks.operators.Operator;
import io.github.pyhandlecache.benchmarks.operators.PlainFieldOperator;
import io.github.pyhandlecache.benchmarks.operators.PyObjectStub;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Hits on an operator table of {@value #OPERATORS} host objects, in a random order, as a dispatcher
 * looks operators up: the objects are not all in the CPU's caches, so each extra dependent load
 * shows. The generated hit loads the object's table, then its tag and value (two objects); a plain
 * final field and the previous protocol's inline slot load from the host object only.
 *
 * <p>Hosts are created in one order and their slots claimed in another, so that a table does not
 * sit next to its host in memory just because both were allocated one after the other.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Thread)
public class RegistryBenchmark {
  static final int OPERATORS = 10_000;
  private static final long SEED = 42;

  private PyInterpreter interpreter;
  private int[] lookupOrder;
  private Operator[] generated;
  private PlainFieldOperator[] plainField;
  private InlineValidatedOperator[] inlineValidated;

  @Setup
  public void fill() {
    interpreter = PyInterpreter.create("main");
    Random random = new Random(SEED);
    lookupOrder = shuffled(random);
    generated = new Operator[OPERATORS];
    plainField = new PlainFieldOperator[OPERATORS];
    inlineValidated = new InlineValidatedOperator[OPERATORS];
    for (int i = 0; i < OPERATORS; i++) {
      String name = "aten::op" + i;
      generated[i] = Operator.create(name);
      plainField[i] = new PlainFieldOperator(PyObjectStub.wrap(interpreter, name));
      inlineValidated[i] = new InlineValidatedOperator(name);
    }
    for (int i : shuffled(random)) {
      check(generated[i].pyObject(interpreter) == generated[i].pyObject(interpreter));
      check(inlineValidated[i].pyObject(interpreter) == inlineValidated[i].pyObject(interpreter));
    }
  }

  private static int[] shuffled(Random random) {
    int[] order = new int[OPERATORS];
    for (int i = 0; i < OPERATORS; i++) {
      order[i] = i;
    }
    for (int i = OPERATORS - 1; i > 0; i--) { // Fisher-Yates
      int j = random.nextInt(i + 1);
      int swapped = order[i];
      order[i] = order[j];
      order[j] = swapped;
    }
    return order;
  }

  private static void check(boolean cached) {
    if (!cached) {
      throw new IllegalStateException("not cached");
    }
  }

  @Benchmark
  @OperationsPerInvocation(OPERATORS)
  public void registryPlainFinalField(Blackhole blackhole) {
    PlainFieldOperator[] operators = plainField;
    for (int i : lookupOrder) {
      blackhole.consume(operators[i].pyObject());
    }
  }

  @Benchmark
  @OperationsPerInvocation(OPERATORS)
  public void registryGenerated(Blackhole blackhole) {
    Operator[] operators = generated;
    PyInterpreter interpreter = this.interpreter;
    for (int i : lookupOrder) {
      blackhole.consume(operators[i].pyObject(interpreter));
    }
  }

  @Benchmark
  @OperationsPerInvocation(OPERATORS)
  public void registryInlineValidated(Blackhole blackhole) {
    InlineValidatedOperator[] operators = inlineValidated;
    PyInterpreter interpreter = this.interpreter;
    for (int i : lookupOrder) {
      blackhole.consume(operators[i].pyObject(interpreter));
    }
  }
}

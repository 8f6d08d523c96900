package io.github.pyhandlecache.benchmarks;

import io.github.pyhandlecache.benchmarks.operators.AutoValueOperator;
import io.github.pyhandlecache.benchmarks.operators.ClassValueOperator;
import io.github.pyhandlecache.benchmarks.operators.GetOrOperator;
import io.github.pyhandlecache.benchmarks.operators.ImmutablesOperator;
import io.github.pyhandlecache.benchmarks.operators.InlineValidatedOperator;
import io.github.pyhandlecache.benchmarks.operators.LombokOperator;
import io.github.pyhandlecache.benchmarks.operators.MapOperator;
import io.github.pyhandlecache.benchmarks.operators.Operator;
import io.github.pyhandlecache.benchmarks.operators.PlainFieldOperator;
import io.github.pyhandlecache.benchmarks.operators.PreviousCurrent;
import io.github.pyhandlecache.benchmarks.operators.PyObjectStub;
import io.github.pyhandlecache.benchmarks.operators.SeedProtocolOperator;
import io.github.pyhandlecache.benchmarks.operators.ThreadLocalOperator;
import io.github.pyhandlecache.benchmarks.operators.VolatileFieldOperator;
import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.internal.SlotTable;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A cache hit, single-threaded: the floor, this project, and what users pick instead. Every cache
 * is filled in {@link #fill} by the interpreter the benchmarks then ask with, so each call is a hit.
 *
 * <p>The 4-slot accessor is claimed by four interpreters in turn, each in the slot it prefers (its
 * {@code hashCode()} modulo 4), so that the hit of the first and of the fourth claimer each look at
 * one slot. {@link #generatedFourSlotsPreferredTaken} is the case the hit path does not serve: an
 * interpreter whose preferred slot another one had taken owns the next one, and every call of it
 * goes to the miss method, which finds its slot by a scan before it would run the slow accessor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
@State(Scope.Thread) // Thread scope: fill() runs on the benchmark thread, which enters the interpreter
public class HitBenchmark {
  private static final String NAME = "aten::add";
  /** The slots of {@link Operator#sharedPyObject}. */
  private static final int SHARED_SLOTS = 4;

  private PyInterpreter interpreter;
  private PyInterpreter.Scope entered;
  private PyInterpreter[] otherInterpreters;

  private PlainFieldOperator plainField;
  private VolatileFieldOperator volatileField;
  private SeedProtocolOperator seedProtocol;
  private InlineValidatedOperator inlineValidated;
  private InlineValidatedOperator inlineValidatedFourSlotsLast;
  private Operator generated;
  private PyInterpreter firstClaimer;
  private PyInterpreter fourthClaimer;
  private Operator fourSlots;
  private PyInterpreter displaced;
  private Operator preferredSlotTaken;
  private GetOrOperator getOr;
  private AutoValueOperator autoValue;
  private LombokOperator lombok;
  private ImmutablesOperator immutables;
  private MapOperator map;
  private ClassValueOperator classValue;
  private ThreadLocalOperator threadLocal;

  @Setup
  public void fill() {
    interpreter = PyInterpreter.create("main");
    entered = interpreter.enter();
    PreviousCurrent.enter(interpreter);
    otherInterpreters = new PyInterpreter[] {
      PyInterpreter.create("other-1"), PyInterpreter.create("other-2"), PyInterpreter.create("other-3")
    };

    plainField = new PlainFieldOperator(PyObjectStub.wrap(interpreter, NAME));
    volatileField = new VolatileFieldOperator(PyObjectStub.wrap(interpreter, NAME));
    seedProtocol = filled(new SeedProtocolOperator(NAME), op -> op.pyObject(interpreter));
    inlineValidated = filled(new InlineValidatedOperator(NAME), op -> op.pyObject(interpreter));
    inlineValidatedFourSlotsLast = new InlineValidatedOperator(NAME);
    for (PyInterpreter other : otherInterpreters) {
      inlineValidatedFourSlotsLast.sharedPyObject(other); // fills slots 0 to 2, in order
    }
    filled(inlineValidatedFourSlotsLast, op -> op.sharedPyObject(interpreter));
    generated = filled(Operator.create(NAME), op -> op.pyObject(interpreter));
    filled(generated, Operator::currentPyObject);

    // Four interpreters claim the 4-slot accessor in turn, each in its preferred slot.
    fourSlots = Operator.create(NAME);
    PyInterpreter[] claimers = new PyInterpreter[SHARED_SLOTS];
    for (int slot = 0; slot < SHARED_SLOTS; slot++) {
      PyInterpreter claimer = preferring(slot);
      filled(fourSlots, op -> op.sharedPyObject(claimer));
      requireSlot(fourSlots, claimer, slot);
      claimers[slot] = claimer;
    }
    firstClaimer = claimers[0];
    fourthClaimer = claimers[SHARED_SLOTS - 1];
    // An interpreter that prefers slot 0 after another took it: it owns slot 1, which its hit
    // does not look at, so that every call of it goes through the miss method's scan.
    preferredSlotTaken = Operator.create(NAME);
    PyInterpreter owner = preferring(0);
    filled(preferredSlotTaken, op -> op.sharedPyObject(owner));
    displaced = preferring(0);
    filled(preferredSlotTaken, op -> op.sharedPyObject(displaced));
    requireSlot(preferredSlotTaken, displaced, 1);

    getOr = filled(new GetOrOperator(NAME), op -> op.pyObject(interpreter));
    autoValue = filled(AutoValueOperator.create(NAME), AutoValueOperator::pyObject);
    lombok = filled(new LombokOperator(NAME), LombokOperator::getPyObject);
    immutables = filled(ImmutablesOperator.create(NAME), ImmutablesOperator::pyObject);
    map = filled(new MapOperator(NAME), op -> op.pyObject(interpreter));
    classValue = filled(new ClassValueOperator(), ClassValueOperator::pyType);
    threadLocal = filled(new ThreadLocalOperator(NAME), ThreadLocalOperator::pyObject);
  }

  @TearDown
  public void exit() {
    entered.close();
    PreviousCurrent.exit();
  }

  /** A new interpreter whose preferred slot of a 4-slot accessor is {@code slot}. */
  private static PyInterpreter preferring(int slot) {
    while (true) {
      PyInterpreter interpreter = PyInterpreter.create("prefers-" + slot);
      if (interpreter.hashCode() % SHARED_SLOTS == slot) {
        return interpreter;
      }
    }
  }

  /** Checks that {@code interpreter} owns slot {@code slot} of {@code operator}'s 4 slots. */
  private static void requireSlot(Operator operator, PyInterpreter interpreter, int slot) {
    try {
      Field table = operator.getClass().getDeclaredField("sharedPyObjectTable");
      table.setAccessible(true); // the benchmarks' own generated class
      int owned = ((SlotTable) table.get(operator)).slotOf(interpreter);
      if (owned != slot) {
        throw new IllegalStateException(interpreter + " owns slot " + owned + ", not " + slot);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fills {@code operator}'s cache and checks that the next call is a hit. */
  private static <T> T filled(T operator, java.util.function.Function<T, PyObjectStub> accessor) {
    Supplier<PyObjectStub> call = () -> accessor.apply(operator);
    if (call.get() != call.get()) {
      throw new IllegalStateException("not cached: " + operator.getClass().getSimpleName());
    }
    return operator;
  }

  // The floor

  @Benchmark
  public PyObjectStub plainFinalField() {
    return plainField.pyObject();
  }

  @Benchmark
  public PyObjectStub volatileField() {
    return volatileField.pyObject();
  }

  @Benchmark
  public PyObjectStub seedProtocol() {
    return seedProtocol.pyObject(interpreter);
  }

  // The previous protocol's hit ("inline validated"), by hand

  @Benchmark
  public PyObjectStub inlineValidated() {
    return inlineValidated.pyObject(interpreter);
  }

  @Benchmark
  public PyObjectStub inlineValidatedFourSlotsLast() {
    return inlineValidatedFourSlotsLast.sharedPyObject(interpreter);
  }

  // This project

  @Benchmark
  public PyObjectStub generatedExplicit() {
    return generated.pyObject(interpreter);
  }

  @Benchmark
  public PyObjectStub generatedImplicit() {
    return generated.currentPyObject();
  }

  /** The getter form as it was (b193d66): its current() by hand, then the explicit form's hit. */
  @Benchmark
  public PyObjectStub previousGetter() {
    return generated.pyObject(PreviousCurrent.current());
  }

  @Benchmark
  public PyObjectStub generatedFourSlotsFirstClaimer() {
    return fourSlots.sharedPyObject(firstClaimer);
  }

  @Benchmark
  public PyObjectStub generatedFourSlotsFourthClaimer() {
    return fourSlots.sharedPyObject(fourthClaimer);
  }

  /** Not a hit of the hit path: the miss method finds the slot by a scan, without the accessor. */
  @Benchmark
  public PyObjectStub generatedFourSlotsPreferredTaken() {
    return preferredSlotTaken.sharedPyObject(displaced);
  }

  @Benchmark
  public PyObjectStub pyHandleCacheGetOr() {
    return getOr.pyObject(interpreter);
  }

  // What users pick instead

  @Benchmark
  public PyObjectStub autoValueMemoized() {
    return autoValue.pyObject();
  }

  @Benchmark
  public PyObjectStub lombokLazyGetter() {
    return lombok.getPyObject();
  }

  @Benchmark
  public PyObjectStub immutablesLazy() {
    return immutables.pyObject();
  }

  @Benchmark
  public PyObjectStub concurrentHashMap() {
    return map.pyObject(interpreter);
  }

  @Benchmark
  public PyObjectStub classValue() {
    return classValue.pyType();
  }

  @Benchmark
  public PyObjectStub threadLocal() {
    return threadLocal.pyObject();
  }
}

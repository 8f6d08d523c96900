package io.github.pyhandlecache.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.graalpy.GraalPyInterpreter;
import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.jfr.AccessorRow;
import io.github.pyhandlecache.jfr.CacheEventSummary;
import java.util.List;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator entries' cached accessors on real GraalPy interpreters. Contexts are slow to start,
 * so the tests share one engine and two interpreters, and start a third only to close it.
 */
class OperatorEntryTest {
  private static final OperatorName ADD = OperatorName.parse("aten::add.Tensor");

  private static Engine engine;
  private static GraalPyInterpreter first;
  private static GraalPyInterpreter second;

  @BeforeAll
  static void startInterpreters() {
    engine = SampleEngine.create();
    first = OpsModule.start(engine, "first");
    second = OpsModule.start(engine, "second");
  }

  @AfterAll
  static void closeInterpreters() {
    first.close();
    second.close();
    engine.close();
  }

  @Test
  void pythonOpIsTheOperatorObjectOfTheInterpreterPassed() {
    OperatorEntry add = OperatorEntry.create(ADD);

    for (GraalPyInterpreter interpreter : new GraalPyInterpreter[] {first, second}) {
      Value op = add.pythonOp(interpreter.interpreter());

      assertEquals(interpreter.context(), op.getContext());
      assertTrue(isInPython(interpreter, op, "ops.aten.add.Tensor"));
      assertEquals(interpreter.name(), op.getMember("interpreter").asString());
      assertEquals(5, op.execute(2, 3).asInt());
    }
  }

  @Test
  void overloadPacketIsTheObjectOfTheInterpreterEntered() {
    OperatorEntry add = OperatorEntry.create(ADD);

    Value inFirst = inScope(first, add);
    Value inSecond = inScope(second, add);

    assertEquals(first.context(), inFirst.getContext());
    assertTrue(isInPython(first, inFirst, "ops.aten.add"));
    assertEquals(second.context(), inSecond.getContext());
    assertTrue(isInPython(second, inSecond, "ops.aten.add"));
    assertSame(inFirst, inScope(first, add));
  }

  @Test
  void overloadPacketOutsideAnyInterpreterRunsTheSlowAccessorWhichRefuses() {
    OperatorEntry add = OperatorEntry.create(ADD);
    assertNull(PyInterpreter.current());

    assertThrows(IllegalStateException.class, add::overloadPacket);
  }

  @Test
  void repeatedCallsInOneInterpreterReturnTheSameObjectAndLookItUpOnce() {
    OperatorEntry add = OperatorEntry.create(ADD);
    long lookupsBefore = add.slowLookups();

    Value firstCall = add.pythonOp(first.interpreter());
    Value secondCall = add.pythonOp(first.interpreter());
    Value thirdCall = add.pythonOp(first.interpreter());

    assertSame(firstCall, secondCall);
    assertSame(firstCall, thirdCall);
    assertTrue(
        first.context().eval("python", "lambda a, b: a is b").execute(firstCall, thirdCall).asBoolean());
    assertEquals(1, add.slowLookups() - lookupsBefore);
  }

  @Test
  void interpretersDoNotSeeEachOthersObjects() {
    OperatorEntry add = OperatorEntry.create(ADD);

    Value ofFirst = add.pythonOp(first.interpreter());
    Value ofSecond = add.pythonOp(second.interpreter());

    assertNotEquals(second.context(), ofFirst.getContext());
    assertNotEquals(first.context(), ofSecond.getContext());
    assertFalse(isInPython(second, ofFirst, "ops.aten.add.Tensor"));
    assertFalse(isInPython(first, ofSecond, "ops.aten.add.Tensor"));
    assertSame(ofFirst, add.pythonOp(first.interpreter()));
    assertSame(ofSecond, add.pythonOp(second.interpreter()));
  }

  @Test
  void aRecordingOfTorchDeployAdvisesMoreSlotsForTheSingleSlotOnly() {
    OperatorEntry singleSlot = SingleSlotOperatorEntry.create(ADD);
    OperatorEntry slotPerInterpreter = OperatorEntry.create(ADD);

    CacheEventSummary summary =
        CacheRecording.of(
            "torch-deploy-test",
            () -> {
              for (int call = 0; call < 1_000; call++) {
                for (GraalPyInterpreter interpreter : new GraalPyInterpreter[] {first, second}) {
                  singleSlot.pythonOp(interpreter.interpreter());
                  slotPerInterpreter.pythonOp(interpreter.interpreter());
                }
              }
            });

    AccessorRow single = row(summary, "SingleSlotOperatorEntry.pythonOp(PyInterpreter)");
    assertEquals(1, single.slots());
    assertEquals(1, single.claims());
    assertEquals(1_000, single.bypasses(), "the second interpreter bypasses on every call");
    AccessorRow perInterpreter = row(summary, "OperatorEntry.pythonOp(PyInterpreter)");
    assertEquals(2, perInterpreter.claims());
    assertEquals(0, perInterpreter.bypasses());
    assertEquals(
        List.of(
            "SingleSlotOperatorEntry.pythonOp(PyInterpreter): raise slots (now 1): 1000 bypasses,"
                + " 1 claim, 2 interpreters"),
        summary.advice());
  }

  private static AccessorRow row(CacheEventSummary summary, String accessor) {
    return summary.rows().stream()
        .filter(row -> row.accessor().equals(accessor))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + accessor + " in\n" + summary));
  }

  @Test
  void aSingleSlotServesOnlyTheFirstInterpreterWhileASlotEachServesAll() {
    OperatorEntry singleSlot = SingleSlotOperatorEntry.create(ADD);
    OperatorEntry slotEach = OperatorEntry.create(ADD);
    singleSlot.pythonOp(first.interpreter());
    slotEach.pythonOp(first.interpreter());

    assertEquals(3, lookupsForCalls(singleSlot, second, 3));
    assertEquals(1, lookupsForCalls(slotEach, second, 3));
    assertEquals(0, lookupsForCalls(singleSlot, first, 3));
  }

  @Test
  void aClosedInterpretersSlotIsReclaimedByALiveOne() {
    OperatorEntry singleSlot = SingleSlotOperatorEntry.create(ADD);
    GraalPyInterpreter leaving = OpsModule.start(engine, "leaving");
    singleSlot.pythonOp(leaving.interpreter());
    assertEquals(2, lookupsForCalls(singleSlot, second, 2), "the only slot is taken");

    leaving.close();

    assertEquals(1, lookupsForCalls(singleSlot, second, 3), "the slot was reclaimed");
    Value op = singleSlot.pythonOp(second.interpreter());
    assertEquals(second.context(), op.getContext());
    assertTrue(isInPython(second, op, "ops.aten.add.Tensor"));
    assertThrows(IllegalArgumentException.class, () -> singleSlot.pythonOp(leaving.interpreter()));
  }

  @Test
  void overloadPacketCalledBackFromPythonIsCachedForThatInterpreter() {
    OperatorEntry neg = OperatorEntry.create(OperatorName.parse("aten::neg.default"));
    HostOperator host = new HostOperator(neg);

    for (GraalPyInterpreter interpreter : new GraalPyInterpreter[] {first, second}) {
      assertNull(PyInterpreter.current(), "no scope entered");
      long before = neg.slowLookups();

      Value sameAndCurrent =
          interpreter.context().getBindings("python").getMember("call_back").execute(host, 100);

      assertTrue(sameAndCurrent.getArrayElement(0).asBoolean(), "its own object on every call");
      assertEquals(interpreter.name(), sameAndCurrent.getArrayElement(1).asString());
      assertEquals(1, neg.slowLookups() - before, "one slow lookup for 100 calls");
    }
    assertEquals(first.context(), inScope(first, neg).getContext());
    assertEquals(2, neg.slowLookups(), "first's value was cached by the callbacks");
  }

  /** Evaluates {@code value is <expression>} in {@code interpreter}. */
  private static boolean isInPython(GraalPyInterpreter interpreter, Value value, String expression) {
    return interpreter
        .context()
        .eval("python", "lambda value: value is " + expression)
        .execute(value)
        .asBoolean();
  }

  private static long lookupsForCalls(OperatorEntry entry, GraalPyInterpreter interpreter, int calls) {
    long before = entry.slowLookups();
    for (int i = 0; i < calls; i++) {
      entry.pythonOp(interpreter.interpreter());
    }
    return entry.slowLookups() - before;
  }

  private static Value inScope(GraalPyInterpreter interpreter, OperatorEntry entry) {
    try (GraalPyInterpreter.Scope scope = interpreter.enter()) {
      return entry.overloadPacket();
    }
  }
}

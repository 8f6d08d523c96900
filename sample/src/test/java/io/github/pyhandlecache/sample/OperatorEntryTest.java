package io.github.pyhandlecache.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.runtime.PyInterpreter;
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

  private static InterpreterManager manager;
  private static GraalPyInterpreter first;
  private static GraalPyInterpreter second;

  @BeforeAll
  static void startInterpreters() {
    manager = new InterpreterManager();
    first = manager.start("first");
    second = manager.start("second");
  }

  @AfterAll
  static void closeInterpreters() {
    manager.close();
  }

  @Test
  void pythonOpIsTheOperatorObjectOfTheInterpreterPassed() {
    OperatorEntry add = OperatorEntry.create(manager, ADD);

    for (GraalPyInterpreter interpreter : new GraalPyInterpreter[] {first, second}) {
      Value op = add.pythonOp(interpreter.tag());

      assertEquals(interpreter.context(), op.getContext());
      assertTrue(isInPython(interpreter, op, "ops.aten.add.Tensor"));
      assertEquals(interpreter.name(), op.getMember("interpreter").asString());
      assertEquals(5, op.execute(2, 3).asInt());
    }
  }

  @Test
  void overloadPacketIsTheObjectOfTheInterpreterEntered() {
    OperatorEntry add = OperatorEntry.create(manager, ADD);

    Value inFirst = first.call(add::overloadPacket);
    Value inSecond = second.call(add::overloadPacket);

    assertEquals(first.context(), inFirst.getContext());
    assertTrue(isInPython(first, inFirst, "ops.aten.add"));
    assertEquals(second.context(), inSecond.getContext());
    assertTrue(isInPython(second, inSecond, "ops.aten.add"));
    assertSame(inFirst, first.call(add::overloadPacket));
  }

  @Test
  void overloadPacketOutsideAnyInterpreterRunsTheSlowAccessorWhichRefuses() {
    OperatorEntry add = OperatorEntry.create(manager, ADD);
    assertNull(PyInterpreter.current());

    assertThrows(IllegalArgumentException.class, add::overloadPacket);
  }

  @Test
  void repeatedCallsInOneInterpreterReturnTheSameObjectAndLookItUpOnce() {
    OperatorEntry add = OperatorEntry.create(manager, ADD);
    long lookupsBefore = first.operatorLookups();

    Value firstCall = add.pythonOp(first.tag());
    Value secondCall = add.pythonOp(first.tag());
    Value thirdCall = add.pythonOp(first.tag());

    assertSame(firstCall, secondCall);
    assertSame(firstCall, thirdCall);
    assertTrue(first.eval("lambda a, b: a is b").execute(firstCall, thirdCall).asBoolean());
    assertEquals(1, first.operatorLookups() - lookupsBefore);
  }

  @Test
  void interpretersDoNotSeeEachOthersObjects() {
    OperatorEntry add = OperatorEntry.create(manager, ADD);

    Value ofFirst = add.pythonOp(first.tag());
    Value ofSecond = add.pythonOp(second.tag());

    assertNotEquals(second.context(), ofFirst.getContext());
    assertNotEquals(first.context(), ofSecond.getContext());
    assertFalse(isInPython(second, ofFirst, "ops.aten.add.Tensor"));
    assertFalse(isInPython(first, ofSecond, "ops.aten.add.Tensor"));
    assertSame(ofFirst, add.pythonOp(first.tag()));
    assertSame(ofSecond, add.pythonOp(second.tag()));
  }

  @Test
  void aSingleSlotServesOnlyTheFirstInterpreterWhileASlotEachServesAll() {
    OperatorEntry singleSlot = SingleSlotOperatorEntry.create(manager, ADD);
    OperatorEntry slotEach = OperatorEntry.create(manager, ADD);
    singleSlot.pythonOp(first.tag());
    slotEach.pythonOp(first.tag());

    assertEquals(3, lookupsForCalls(singleSlot, second, 3));
    assertEquals(1, lookupsForCalls(slotEach, second, 3));
    assertEquals(0, lookupsForCalls(singleSlot, first, 3));
  }

  @Test
  void aClosedInterpretersSlotIsReclaimedByALiveOne() {
    OperatorEntry singleSlot = SingleSlotOperatorEntry.create(manager, ADD);
    GraalPyInterpreter leaving = manager.start("leaving");
    singleSlot.pythonOp(leaving.tag());
    assertEquals(2, lookupsForCalls(singleSlot, second, 2), "the only slot is taken");

    leaving.close();

    assertEquals(1, lookupsForCalls(singleSlot, second, 3), "the slot was reclaimed");
    Value op = singleSlot.pythonOp(second.tag());
    assertEquals(second.context(), op.getContext());
    assertTrue(isInPython(second, op, "ops.aten.add.Tensor"));
    assertThrows(IllegalArgumentException.class, () -> manager.interpreter(leaving.tag()));
  }

  /** Evaluates {@code value is <expression>} in {@code interpreter}. */
  private static boolean isInPython(GraalPyInterpreter interpreter, Value value, String expression) {
    return interpreter.eval("lambda value: value is " + expression).execute(value).asBoolean();
  }

  private static long lookupsForCalls(OperatorEntry entry, GraalPyInterpreter interpreter, int calls) {
    long before = interpreter.operatorLookups();
    for (int i = 0; i < calls; i++) {
      entry.pythonOp(interpreter.tag());
    }
    return interpreter.operatorLookups() - before;
  }
}

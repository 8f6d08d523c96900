package io.github.pyhandlecache.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.spi.InterpreterLookup;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The numbered rules of the README's "What a call does", for both accessor forms of a generated
 * class. Each rule is checked by counting the slow accessor's calls and comparing instances.
 */
class SemanticsTest {
  /** One accessor form: how to call it with an interpreter, and its call counter. */
  static final class Form {
    final String name;
    final BiFunction<OperatorEntry, PyInterpreter, Handle> caller;
    final Function<OperatorEntry, AtomicInteger> counter;

    Form(
        String name,
        BiFunction<OperatorEntry, PyInterpreter, Handle> caller,
        Function<OperatorEntry, AtomicInteger> counter) {
      this.name = name;
      this.caller = caller;
      this.counter = counter;
    }

    Handle call(OperatorEntry entry, PyInterpreter interpreter) {
      return caller.apply(entry, interpreter);
    }

    AtomicInteger calls(OperatorEntry entry) {
      return counter.apply(entry);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final Form EXPLICIT =
      new Form("explicit", OperatorEntry::pythonOp, entry -> entry.explicitCalls);

  static final Form IMPLICIT =
      new Form("implicit", SemanticsTest::callImplicit, entry -> entry.implicitCalls);

  private static Handle callImplicit(OperatorEntry entry, PyInterpreter interpreter) {
    if (interpreter == null) {
      return entry.pyObject();
    }
    try (PyInterpreter.Scope scope = interpreter.enter()) {
      return entry.pyObject();
    }
  }

  /** The getter form on a thread whose interpreter only its own lookup knows, as GraalPy's. */
  static final Form IMPLICIT_LOOKUP =
      new Form("implicit, thread's lookup", SemanticsTest::callThroughLookup,
          entry -> entry.implicitCalls);

  /** The getter form on a thread of the interpreter's threadFactory(). */
  static final Form IMPLICIT_THREAD =
      new Form("implicit, interpreter's thread", SemanticsTest::callOnItsThread,
          entry -> entry.implicitCalls);

  private static Handle callThroughLookup(OperatorEntry entry, PyInterpreter interpreter) {
    InterpreterLookup.setThreadLookup(interpreter == null ? null : () -> interpreter);
    try {
      return entry.pyObject();
    } finally {
      InterpreterLookup.setThreadLookup(null);
    }
  }

  private static Handle callOnItsThread(OperatorEntry entry, PyInterpreter interpreter) {
    if (interpreter == null) {
      return entry.pyObject();
    }
    FutureTask<Handle> call = new FutureTask<>(entry::pyObject);
    Thread thread = interpreter.threadFactory().newThread(call);
    thread.start();
    try {
      return call.get();
    } catch (ExecutionException e) {
      throw (RuntimeException) e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Arguments> forms() {
    return Stream.of(EXPLICIT, IMPLICIT, IMPLICIT_LOOKUP, IMPLICIT_THREAD).map(Arguments::of);
  }

  /** The forms that a scope open on the test thread does not override. */
  static Stream<Arguments> formsBesideAScope() {
    return Stream.of(EXPLICIT, IMPLICIT, IMPLICIT_THREAD).map(Arguments::of);
  }

  private final OperatorEntry entry = OperatorEntry.create("aten::add");
  private final PyInterpreter a = PyInterpreter.create("a");
  private final PyInterpreter b = PyInterpreter.create("b");

  @ParameterizedTest
  @MethodSource("forms")
  void rule1NullInterpreterCachesNothing(Form form) {
    Handle first = form.call(entry, null);
    Handle second = form.call(entry, null);
    assertNotSame(first, second);
    assertEquals(2, form.calls(entry).get());
    assertNull(first.interpreter);

    form.call(entry, a);
    assertEquals(3, form.calls(entry).get(), "the slot was still empty");
  }

  @ParameterizedTest
  @MethodSource("forms")
  void rule2HitReturnsTheSlotWithoutCallingTheAccessor(Form form) {
    Handle first = form.call(entry, a);
    Handle second = form.call(entry, a);
    Handle third = form.call(entry, a);
    assertSame(first, second);
    assertSame(first, third);
    assertSame(a, first.interpreter);
    assertEquals(1, form.calls(entry).get());
  }

  @ParameterizedTest
  @MethodSource("forms")
  void rule3SlotOfAnotherOpenInterpreterIsBypassed(Form form) {
    Handle ofA = form.call(entry, a);
    Handle ofB1 = form.call(entry, b);
    Handle ofB2 = form.call(entry, b);
    assertSame(b, ofB1.interpreter);
    assertSame(b, ofB2.interpreter);
    assertNotSame(ofB1, ofB2, "b has no slot, so it computes every time");
    assertEquals(3, form.calls(entry).get());
    assertSame(ofA, form.call(entry, a), "a keeps its slot");
    assertEquals(3, form.calls(entry).get());
  }

  @ParameterizedTest
  @MethodSource("formsBesideAScope")
  void rule3SlotOfAClosedInterpreterIsReclaimed(Form form) {
    Handle ofA = form.call(entry, a);
    // A thread of a that entered it before it was closed still has it as current.
    PyInterpreter.Scope scopeOfA = a.enter();
    a.close();
    try {
      Handle ofB = form.call(entry, b);
      assertSame(ofB, form.call(entry, b), "b claimed the slot");
      assertEquals(2, form.calls(entry).get());

      Handle ofClosedA = form == EXPLICIT ? entry.pythonOp(a) : entry.pyObject();
      assertSame(a, ofClosedA.interpreter, "never b's value");
      assertNotSame(ofA, ofClosedA, "a's slot is gone");
      assertEquals(3, form.calls(entry).get());
    } finally {
      scopeOfA.close();
    }
  }

  @ParameterizedTest
  @MethodSource("formsBesideAScope")
  void rule3ClosedInterpreterNeverClaims(Form form) {
    PyInterpreter.Scope scopeOfA = a.enter();
    a.close();
    try {
      Handle first = form == EXPLICIT ? entry.pythonOp(a) : entry.pyObject();
      Handle second = form == EXPLICIT ? entry.pythonOp(a) : entry.pyObject();
      assertSame(a, first.interpreter);
      assertNotSame(first, second);
    } finally {
      scopeOfA.close();
    }
    assertEquals(2, form.calls(entry).get());
    Handle ofB = form.call(entry, b);
    assertSame(ofB, form.call(entry, b), "the slot was left empty for b");
  }

  @ParameterizedTest
  @MethodSource("forms")
  void rule4ExceptionPropagatesAndNoSlotChanges(Form form) {
    IllegalStateException failure = new IllegalStateException("no such operator");
    entry.failure = failure;
    assertSame(failure, assertThrows(IllegalStateException.class, () -> form.call(entry, a)));
    entry.failure = null;
    Handle ofB = form.call(entry, b);
    assertSame(ofB, form.call(entry, b), "the slot was still empty");

    entry.failure = failure;
    assertSame(ofB, form.call(entry, b), "a hit does not call the accessor");
    assertSame(failure, assertThrows(IllegalStateException.class, () -> form.call(entry, a)));
    entry.failure = null;
    assertSame(ofB, form.call(entry, b), "b's slot is unchanged");
  }

  @ParameterizedTest
  @MethodSource("forms")
  void rule5NullIsCachedLikeAnyValue(Form form) {
    entry.returnsNull = true;
    assertNull(form.call(entry, a));
    assertNull(form.call(entry, a));
    assertEquals(1, form.calls(entry).get());
  }

  @ParameterizedTest
  @MethodSource("forms")
  void formsAreCachedIndependently(Form form) {
    Function<OperatorEntry, Handle> other =
        form == EXPLICIT ? e -> IMPLICIT.call(e, a) : e -> EXPLICIT.call(e, a);
    Handle mine = form.call(entry, a);
    Handle theirs = other.apply(entry);
    assertNotSame(mine, theirs);
    assertSame(mine, form.call(entry, a));
    assertEquals(1, form.calls(entry).get());
  }
}

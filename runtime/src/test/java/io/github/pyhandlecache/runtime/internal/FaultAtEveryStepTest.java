package io.github.pyhandlecache.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.internal.HookedHost.Point;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Faults guarantee (README, "Guarantees") at each step of a claim that writes shared state: a
 * {@code StackOverflowError} or an {@code OutOfMemoryError} thrown there (before the claim is
 * placed, right after, before its value is published, while a table is replaced) reaches the
 * caller; afterwards the interpreter caches again on the faulting thread and on another, without
 * waiting, and the other interpreter keeps its value. {@code FaultInjectionTest} (processor) makes
 * real stack overflows strike generated code wherever the stack runs out.
 */
class FaultAtEveryStepTest {
  private final PyInterpreter faulty = PyInterpreter.create("faulty");
  private final PyInterpreter other = PyInterpreter.create("other");
  private final HookedHost host = new HookedHost();

  static Stream<Arguments> faults() {
    Supplier<Error> overflow = () -> new StackOverflowError("injected");
    Supplier<Error> outOfMemory = () -> new OutOfMemoryError("injected");
    return Stream.of(Point.values())
        .flatMap(point -> Stream.of(Arguments.of(point, overflow), Arguments.of(point, outOfMemory)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void aFaultAtThisStepLeavesEverySlotUsable(Point point, Supplier<Error> fault) throws Exception {
    Object othersValue = host.op(other, () -> "other's");
    if (point == Point.NEW_TABLE) {
      // A table is replaced when a claim takes a slot of a closed interpreter that close() missed.
      PyInterpreter gone = PyInterpreter.create("gone");
      host.op(gone, () -> "gone's");
      HookedHost.at(Point.NEW_TABLE, () -> {
        throw new IllegalStateException("the release fails");
      });
      assertThrows(IllegalStateException.class, gone::close);
    }
    Error injected = fault.get();
    HookedHost.at(point, () -> {
      throw injected;
    });

    Error thrown = assertThrows(Error.class, () -> host.op(faulty, () -> "first"));

    assertSame(injected, thrown, "the fault reaches the caller unchanged");
    Object again = host.op(faulty, () -> "again");
    boolean leftPending = point == Point.AFTER_PLACING || point == Point.BEFORE_PUBLISHING;
    assertEquals(leftPending ? "first" : "again", again,
        "the next miss completes a claim the fault left pending, or claims anew");
    assertSame(again, host.op(faulty, () -> "not called"), "it caches again on this thread");
    Object onAnotherThread = CompletableFuture
        .supplyAsync(() -> host.op(faulty, () -> "not called either"))
        .get(10, TimeUnit.SECONDS);
    assertSame(again, onAnotherThread, "and on another thread, without waiting");
    assertEquals(othersValue, host.op(other, () -> "other's, again"), "the other keeps its slot");
  }
}

package io.github.pyhandlecache.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.internal.HookedHost.Point;
import org.junit.jupiter.api.Test;

/**
 * Release against a racing claim ({@link AccessorSlots}, Note, point 4), with each race made
 * deterministic: the closer runs inside the claimant's window, from a hook of the table. jcstress
 * ({@code CloseDuringClaimStress}) and Lincheck run the same races on their own schedules.
 */
class ReleaseRaceTest {
  private final PyInterpreter other = PyInterpreter.create("other");
  private final PyInterpreter victim = PyInterpreter.create("victim");
  private final HookedHost host = new HookedHost();

  private void assertReleased() {
    assertTrue(victim.isClosed(), "the hook closed the victim");
    assertEquals(-1, host.slotOf(victim));
    assertFalse(host.slots().contains("victim"), host.slots());
    assertTrue(host.slotOf(other) >= 0, "the other interpreter keeps its slot");
  }

  @Test
  void aClaimPlacedAfterCloseVisitedTheObjectIsNotPublished() {
    host.op(other, () -> "other's");
    HookedHost.at(Point.BEFORE_PLACING, victim::close);

    Object value = host.op(victim, () -> "victim's");

    assertEquals("victim's", value);
    assertReleased();
  }

  @Test
  void aPendingClaimIsAbandonedByClose() {
    host.op(other, () -> "other's");
    HookedHost.at(Point.AFTER_PLACING, victim::close);

    host.op(victim, () -> "victim's");

    assertReleased();
  }

  @Test
  void aCompletionThatSawTheClaimantOpenCannotPublishAfterClose() {
    host.op(other, () -> "other's");
    HookedHost.at(Point.BEFORE_PUBLISHING, victim::close);

    host.op(victim, () -> "victim's");

    assertReleased();
  }

  @Test
  void aClaimThatLandedBeforeCloseIsReleased() {
    host.op(other, () -> "other's");
    host.op(victim, () -> "victim's");
    assertTrue(host.slotOf(victim) >= 0);

    victim.close();

    assertReleased();
  }

  @Test
  void aClaimLeftPendingByAFaultIsCompletedByItsInterpretersNextMiss() {
    HookedHost.at(Point.AFTER_PLACING, () -> {
      throw new StackOverflowError("injected");
    });
    assertThrows(StackOverflowError.class, () -> host.op(victim, () -> "pending"));
    assertTrue(host.slots().contains("claim of PyInterpreter[victim]"), host.slots());

    Object next = host.op(victim, () -> "computed again");

    assertEquals("pending", next, "the pending claim became the slot's value");
    assertSame(next, host.op(victim, () -> "not called"));
  }

  @Test
  void aCloseThatFailsMidwayIsFinishedByTheNextClose() {
    host.op(victim, () -> "victim's");
    host.op(other, () -> "other's");
    HookedHost.at(Point.NEW_TABLE, () -> {
      throw new StackOverflowError("injected");
    });
    assertThrows(StackOverflowError.class, victim::close);
    assertTrue(victim.isClosed());
    assertTrue(host.slotOf(victim) >= 0, "the failed close left the slot");

    victim.close();

    assertEquals(-1, host.slotOf(victim));
    assertFalse(host.slots().contains("victim"), host.slots());
    assertTrue(host.slotOf(other) >= 0);
  }
}

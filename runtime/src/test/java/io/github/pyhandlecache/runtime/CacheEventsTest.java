package io.github.pyhandlecache.runtime;

import static io.github.pyhandlecache.runtime.CacheRecording.eventsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.runtime.events.CacheEventNames;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;

/** The events of the SPEC's "Observability", recorded by {@link PyHandleCache}'s misses. */
class CacheEventsTest {
  private static final Duration SLOW = Duration.ofMillis(20);

  private final PyInterpreter a = PyInterpreter.create("a");
  private final PyInterpreter b = PyInterpreter.create("b");

  private static Object slowly() {
    try {
      Thread.sleep(SLOW.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Object();
  }

  private static RecordedEvent only(List<RecordedEvent> events, String name) {
    assertEquals(1, events.size(), () -> "one event: " + events);
    RecordedEvent event = events.get(0);
    assertEquals(name, event.getEventType().getName());
    assertEquals(List.of(CacheEventNames.CATEGORY), event.getEventType().getCategoryNames());
    assertNull(event.getStackTrace(), "no stack trace by default");
    return event;
  }

  private static void assertMiss(RecordedEvent event, String interpreter, int slots) {
    assertEquals("PyHandleCache", event.getString("accessor"));
    assertEquals(interpreter, event.getString("interpreter"));
    assertEquals(slots, event.getInt("slots"));
    assertTrue(
        event.getDuration().compareTo(SLOW) >= 0,
        () -> "lasts at least the slow accessor's " + SLOW + ": " + event.getDuration());
  }

  @Test
  void claimNamesTheAccessorInterpreterAndSlotsAndLastsTheSlowAccessor() throws IOException {
    PyHandleCache<Object> cache = new PyHandleCache<>(2);
    RecordedEvent claim =
        only(
            eventsOf("claim", () -> cache.getOr(a, CacheEventsTest::slowly)),
            CacheEventNames.CLAIM);
    assertMiss(claim, "a", 2);
  }

  @Test
  void bypassWhenEverySlotIsOwnedByAnotherOpenInterpreter() throws IOException {
    PyHandleCache<Object> cache = new PyHandleCache<>(1);
    cache.getOr(a, Object::new);
    RecordedEvent bypass =
        only(
            eventsOf("bypass", () -> cache.getOr(b, CacheEventsTest::slowly)),
            CacheEventNames.BYPASS);
    assertMiss(bypass, "b", 1);
  }

  @Test
  void noInterpreterWhenTheCallerHasNone() throws IOException {
    PyHandleCache<Object> cache = new PyHandleCache<>(3);
    RecordedEvent miss =
        only(
            eventsOf("no-interpreter", () -> cache.getOr(null, CacheEventsTest::slowly)),
            CacheEventNames.NO_INTERPRETER);
    assertMiss(miss, null, 3);
  }

  @Test
  void reclaimNamesThePreviousOwnerAndIsNotAlsoAClaim() throws IOException {
    PyInterpreter unreleasable = PyInterpreter.create(FailingReleaseTable.UNRELEASABLE);
    FailingReleaseHolder holder = new FailingReleaseHolder();
    Object cached = holder.op(unreleasable, Object::new);
    assertThrows(IllegalStateException.class, unreleasable::close);
    assertTrue(unreleasable.isClosed());
    assertSame(unreleasable, FailingReleaseHolder.SLOTS.read(holder).tag(0), "still owns its slot");

    RecordedEvent reclaim =
        only(
            eventsOf("reclaim", () -> holder.op(b, CacheEventsTest::slowly)),
            CacheEventNames.RECLAIM);

    assertEquals("FailingReleaseHolder.op(PyInterpreter)", reclaim.getString("accessor"));
    assertEquals("b", reclaim.getString("interpreter"));
    assertEquals(1, reclaim.getInt("slots"));
    assertEquals(FailingReleaseTable.UNRELEASABLE, reclaim.getString("previousOwner"));
    assertTrue(reclaim.getDuration().compareTo(SLOW) >= 0, reclaim::toString);
    assertSame(b, FailingReleaseHolder.SLOTS.read(holder).tag(0));
    assertNotSame(cached, holder.op(b, Object::new));
  }

  @Test
  void releaseCountsTheSlotsThatCloseReleased() throws IOException {
    List<PyHandleCache<Object>> caches =
        List.of(new PyHandleCache<>(1), new PyHandleCache<>(2), new PyHandleCache<>(4));
    caches.forEach(cache -> cache.getOr(a, Object::new));
    new PyHandleCache<>(1).getOr(b, Object::new);

    RecordedEvent release = only(eventsOf("release", a::close), CacheEventNames.RELEASE);

    assertEquals("a", release.getString("interpreter"));
    assertEquals(3, release.getInt("released"));
    assertFalse(release.getDuration().isNegative());
  }

  @Test
  void hitsRecordNothing() throws IOException {
    PyHandleCache<Object> cache = new PyHandleCache<>(2);
    Object cached = cache.getOr(a, Object::new);
    List<RecordedEvent> events =
        eventsOf(
            "hits",
            () -> {
              for (int i = 0; i < 1_000; i++) {
                assertSame(cached, cache.getOr(a, Object::new));
              }
              cache.getOr(b, Object::new); // the one miss: proves the recording records
            });
    assertEquals("b", only(events, CacheEventNames.CLAIM).getString("interpreter"));
  }

  @Test
  void withoutARecordingAMissBeginsNoEvents() {
    assertNull(MissEvents.begin());
  }

  /** One slot, whose release of an interpreter named {@link #UNRELEASABLE} fails. */
  static final class FailingReleaseTable extends SlotTable {
    static final String UNRELEASABLE = "unreleasable";

    final PyInterpreter tag0;
    final Object value0;

    FailingReleaseTable() {
      this(EMPTY, null);
    }

    FailingReleaseTable(PyInterpreter tag, Object value) {
      tag0 = tag;
      value0 = value;
    }

    @Override
    protected int slotCount() {
      return 1;
    }

    @Override
    protected PyInterpreter tag(int slot) {
      Objects.checkIndex(slot, 1);
      return tag0;
    }

    @Override
    protected SlotTable with(int slot, SlotTable source) {
      FailingReleaseTable from = (FailingReleaseTable) source;
      if (from.tag0 == EMPTY && tag0.name().equals(UNRELEASABLE)) {
        throw new IllegalStateException("the release of " + UNRELEASABLE + " fails");
      }
      return new FailingReleaseTable(from.tag0, from.value0);
    }
  }

  /** What generated code does for one accessor, on a {@link FailingReleaseTable}. */
  static final class FailingReleaseHolder {
    static final AccessorSlots SLOTS =
        AccessorSlots.of(
            MethodHandles.lookup(),
            "table",
            new FailingReleaseTable(),
            "FailingReleaseHolder.op(PyInterpreter)");

    @SuppressWarnings("unused") // written through SLOTS
    private FailingReleaseTable table;

    Object op(PyInterpreter interpreter, Supplier<Object> slowAccessor) {
      FailingReleaseTable current = (FailingReleaseTable) SLOTS.read(this);
      if (current != null && current.tag0 == interpreter) {
        return current.value0;
      }
      MissEvents events = SLOTS.beginMiss();
      Object computed = slowAccessor.get();
      if (!SLOTS.isClaimable(SLOTS.read(this), interpreter, events)) {
        return computed;
      }
      FailingReleaseTable claim = new FailingReleaseTable(interpreter, computed);
      FailingReleaseTable claimed = (FailingReleaseTable) SLOTS.claim(this, claim, events);
      return claimed.tag0 == interpreter ? claimed.value0 : computed;
    }
  }
}

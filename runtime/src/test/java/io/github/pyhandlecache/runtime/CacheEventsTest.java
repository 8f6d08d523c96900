package io.github.pyhandlecache.runtime;

import static io.github.pyhandlecache.runtime.CacheRecording.eventsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.runtime.internal.HookedHost;
import io.github.pyhandlecache.runtime.internal.HookedHost.Point;
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
    assertEquals(List.of("pyhandlecache"), event.getEventType().getCategoryNames());
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
            CacheRecording.CLAIM);
    assertMiss(claim, "a", 2);
  }

  @Test
  void bypassWhenEverySlotIsOwnedByAnotherOpenInterpreter() throws IOException {
    PyHandleCache<Object> cache = new PyHandleCache<>(1);
    cache.getOr(a, Object::new);
    RecordedEvent bypass =
        only(
            eventsOf("bypass", () -> cache.getOr(b, CacheEventsTest::slowly)),
            CacheRecording.BYPASS);
    assertMiss(bypass, "b", 1);
  }

  @Test
  void noInterpreterWhenTheCallerHasNone() throws IOException {
    PyHandleCache<Object> cache = new PyHandleCache<>(3);
    RecordedEvent miss =
        only(
            eventsOf("no-interpreter", () -> cache.getOr(null, CacheEventsTest::slowly)),
            CacheRecording.NO_INTERPRETER);
    assertMiss(miss, null, 3);
  }

  @Test
  void reclaimNamesThePreviousOwnerAndIsNotAlsoAClaim() throws IOException {
    PyInterpreter unreleased = PyInterpreter.create("unreleased");
    HookedHost holder = new HookedHost();
    holder.op(PyInterpreter.create("first"), Object::new);
    Object cached = holder.op(unreleased, Object::new);
    HookedHost.at(Point.NEW_TABLE, () -> {
      throw new IllegalStateException("the release fails");
    });
    assertThrows(IllegalStateException.class, unreleased::close);
    assertTrue(unreleased.isClosed());
    assertTrue(holder.slotOf(unreleased) >= 0, "still owns its slot");

    RecordedEvent reclaim =
        only(
            eventsOf("reclaim", () -> holder.op(b, CacheEventsTest::slowly)),
            CacheRecording.RECLAIM);

    assertEquals("HookedHost.op(PyInterpreter)", reclaim.getString("accessor"));
    assertEquals("b", reclaim.getString("interpreter"));
    assertEquals(2, reclaim.getInt("slots"));
    assertEquals("unreleased", reclaim.getString("previousOwner"));
    assertTrue(reclaim.getDuration().compareTo(SLOW) >= 0, reclaim::toString);
    assertTrue(holder.slotOf(b) >= 0);
    assertNotSame(cached, holder.op(b, Object::new));
  }

  @Test
  void releaseCountsTheSlotsThatCloseReleased() throws IOException {
    List<PyHandleCache<Object>> caches =
        List.of(new PyHandleCache<>(1), new PyHandleCache<>(2), new PyHandleCache<>(4));
    caches.forEach(cache -> cache.getOr(a, Object::new));
    new PyHandleCache<>(1).getOr(b, Object::new);

    RecordedEvent release = only(eventsOf("release", a::close), CacheRecording.RELEASE);

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
    assertEquals("b", only(events, CacheRecording.CLAIM).getString("interpreter"));
  }
}

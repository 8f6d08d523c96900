package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder events of the cache; their names and meanings are the contract (README,
 * "Seeing what the cache does"), the classes are not. Each is recorded on a miss or a {@code
 * close()}, never on a hit, and one miss records at most one, so that counts and durations add up.
 * Static event classes: while no recording enables them, {@code isEnabled()} is one load.
 *
 * <p>No stack traces by default: a miss names its accessor, and a recording that needs the call
 * site (which {@code PyHandleCache} is it?) can turn them on per event ({@code #stackTrace=true}).
 */
final class CacheEvents {
  static final String CATEGORY = "pyhandlecache";

  private CacheEvents() {}

  /** The fields every miss event has; its duration is the miss's: slow accessor, then claim. */
  @Category(CATEGORY)
  @StackTrace(false)
  abstract static class MissEvent extends Event {
    @Label("Accessor")
    @Description("The cached accessor: Foo.op(PyInterpreter), Foo.op(), or PyHandleCache")
    String accessor;

    @Label("Interpreter")
    @Description("The name of the caller's interpreter; null if it had none")
    String interpreter;

    @Label("Slots")
    @Description("How many slots the accessor has")
    int slots;

    final void set(AccessorSlots accessorSlots, PyInterpreter caller) {
      accessor = accessorSlots.accessor();
      interpreter = caller == null ? null : caller.name();
      slots = accessorSlots.slotCount();
    }
  }

  @Name("io.github.pyhandlecache.Claim")
  @Label("Cache Claim")
  @Description("A miss claimed an empty slot; the duration is the slow accessor's and the claim's")
  static final class Claim extends MissEvent {}

  @Name("io.github.pyhandlecache.Reclaim")
  @Label("Cache Reclaim")
  @Description(
      "A miss claimed a slot that a closed interpreter still owned, its close() not done yet;"
          + " the duration is the slow accessor's and the claim's")
  static final class Reclaim extends MissEvent {
    @Label("Previous Owner")
    @Description("The name of the closed interpreter that owned the slot")
    String previousOwner;
  }

  @Name("io.github.pyhandlecache.Bypass")
  @Label("Cache Bypass")
  @Description(
      "A miss found every slot owned by another open interpreter: the slow accessor ran and"
          + " nothing was cached. Many of these mean that slots is too small")
  static final class Bypass extends MissEvent {}

  @Name("io.github.pyhandlecache.NoInterpreter")
  @Label("Cache Miss Without Interpreter")
  @Description(
      "A call had no interpreter (none entered on the thread, or null passed): the slow"
          + " accessor ran and nothing was cached")
  static final class NoInterpreter extends MissEvent {}

  @Name("io.github.pyhandlecache.Release")
  @Label("Cache Release")
  @Category(CATEGORY)
  @StackTrace(false)
  @Description("close() released an interpreter's slots; the duration is the release's")
  static final class Release extends Event {
    @Label("Interpreter")
    @Description("The name of the closed interpreter")
    String interpreter;

    @Label("Released Slots")
    @Description("How many slots the interpreter owned and released")
    int released;
  }

  /** Begins a Release event for {@code closing}, or returns null if no recording wants it. */
  static Release beginRelease(PyInterpreter closing) {
    Release event = new Release();
    if (!event.isEnabled()) {
      return null;
    }
    event.interpreter = closing.name();
    event.begin();
    return event;
  }

  static void endRelease(Release event, int released) {
    if (event != null) {
      event.end();
      if (event.shouldCommit()) {
        event.released = released;
        event.commit();
      }
    }
  }
}

package io.github.pyhandlecache.runtime;

import io.github.pyhandlecache.runtime.events.CacheEventNames;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder events of the cache; {@link CacheEventNames} documents them for readers.
 * Static event classes: when no recording enables them, {@code new Event().isEnabled()} compiles to
 * one load and the event is never allocated. None is ever created on a hit, and one miss commits
 * at most one, so that counts and durations of a recording add up.
 *
 * <p>No stack traces by default: a miss names its accessor, and a recording that needs the call
 * site (which {@link PyHandleCache} is it?) can turn them on per event ({@code #stackTrace=true}).
 */
final class CacheEvents {
  private CacheEvents() {}

  /** The fields every miss event has; its duration is the miss's. */
  @Category(CacheEventNames.CATEGORY)
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

  @Name(CacheEventNames.CLAIM)
  @Label("Cache Claim")
  @Description("A miss claimed an empty slot; the duration is the slow accessor's and the claim's")
  static final class Claim extends MissEvent {}

  @Name(CacheEventNames.RECLAIM)
  @Label("Cache Reclaim")
  @Description(
      "A miss claimed a slot that a closed interpreter still owned, its close() not done yet;"
          + " the duration is the slow accessor's and the claim's")
  static final class Reclaim extends MissEvent {
    @Label("Previous Owner")
    @Description("The name of the closed interpreter that owned the slot")
    String previousOwner;
  }

  @Name(CacheEventNames.BYPASS)
  @Label("Cache Bypass")
  @Description(
      "A miss found every slot owned by another open interpreter: the slow accessor ran and"
          + " nothing was cached. Many of these mean that slots is too small")
  static final class Bypass extends MissEvent {}

  @Name(CacheEventNames.NO_INTERPRETER)
  @Label("Cache Miss Without Interpreter")
  @Description(
      "A call had no interpreter (none entered on the thread, or null passed): the slow"
          + " accessor ran and nothing was cached")
  static final class NoInterpreter extends MissEvent {}

  @Name(CacheEventNames.RELEASE)
  @Label("Cache Release")
  @Category(CacheEventNames.CATEGORY)
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
}

package io.github.pyhandlecache.runtime;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder events of the cache. Static event classes: when no recording enables
 * them, {@code new Event().isEnabled()} compiles to one load and the event is never allocated.
 * None is ever created on a hit.
 */
final class CacheEvents {
  static final String CATEGORY = "pyhandlecache";

  private CacheEvents() {}

  /** The fields every miss event has. */
  @Category(CATEGORY)
  @StackTrace(false)
  abstract static class MissEvent extends Event {
    @Label("Accessor")
    @Description("The cached accessor: Foo.op(PyInterpreter), Foo.op(), or PyHandleCache")
    String accessor;

    @Label("Interpreter")
    @Description("The name of the caller's interpreter")
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
  @Description("A miss claimed a slot; the duration is the slow accessor's")
  static final class Claim extends MissEvent {}

  @Name("io.github.pyhandlecache.Bypass")
  @Label("Cache Bypass")
  @Description(
      "A miss found every slot owned by another open interpreter: the slow accessor ran and"
          + " nothing was cached. Many of these mean that slots is too small")
  static final class Bypass extends MissEvent {}

  @Name("io.github.pyhandlecache.Reclaim")
  @Label("Cache Reclaim")
  @Description("A miss claimed a slot that a closed interpreter still owned")
  static final class Reclaim extends MissEvent {
    @Label("Previous Owner")
    String previousOwner;
  }

  @Name("io.github.pyhandlecache.NoInterpreter")
  @Label("Cache Miss Without Interpreter")
  @Description(
      "A call had no interpreter (nothing entered on the thread, or null passed): the slow"
          + " accessor ran and nothing was cached")
  static final class NoInterpreter extends MissEvent {}

  @Name("io.github.pyhandlecache.Release")
  @Label("Cache Release")
  @Category(CATEGORY)
  @StackTrace(false)
  @Description("close() released an interpreter's slots; the duration is the release's")
  static final class Release extends Event {
    @Label("Interpreter")
    String interpreter;

    @Label("Released Slots")
    int released;
  }
}

package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder events a miss may record, begun before its slow accessor runs so that
 * they last as long as it and the claim; null unless a recording enables one. Their names and
 * fields are the contract (README, "Seeing what the cache does"); a miss commits at most one.
 */
public final class MissEvents {
  // The statics are asked isEnabled() only, which reads class state: a miss allocates nothing else.
  private static final Claim CLAIM = new Claim();
  private static final Reclaim RECLAIM = new Reclaim();
  private static final Bypass BYPASS = new Bypass();
  private static final NoInterpreter NO_INTERPRETER = new NoInterpreter();
  private final Claim claim = new Claim();
  private final Reclaim reclaim = new Reclaim();
  private final Bypass bypass = new Bypass();
  private final NoInterpreter noInterpreter = new NoInterpreter();

  /** Starts a miss: returns its events, begun, or null when no recording wants them. */
  public static MissEvents begin() {
    return CLAIM.isEnabled() || RECLAIM.isEnabled() || BYPASS.isEnabled()
        || NO_INTERPRETER.isEnabled() ? new MissEvents() : null;
  }

  /** {@code caller} claimed a slot that {@code prior}, a closed interpreter, owned, or none. */
  static void claimed(MissEvents events, AccessorSlots slots, PyInterpreter caller, Object prior) {
    if (events != null && prior instanceof PyInterpreter owner) {
      events.reclaim.previousOwner = owner.name();
      events.reclaim.commitFor(slots, caller);
    } else if (events != null) {
      events.claim.commitFor(slots, caller);
    }
  }

  static void bypass(MissEvents events, AccessorSlots slots, PyInterpreter caller) {
    if (events != null) {
      events.bypass.commitFor(slots, caller);
    }
  }

  static void noInterpreter(MissEvents events, AccessorSlots slots) {
    if (events != null) {
      events.noInterpreter.commitFor(slots, null);
    }
  }

  /** The fields of every miss event; its duration is the miss's: slow accessor, then claim. */
  @Category("pyhandlecache")
  @StackTrace(false)
  private abstract static class MissEvent extends Event {
    @Label("Accessor") String accessor;
    @Label("Interpreter") String interpreter;
    @Label("Slots") int slots;

    MissEvent() {
      begin(); // a miss's events begin with it; the statics are never committed
    }

    final void commitFor(AccessorSlots accessorSlots, PyInterpreter caller) {
      end();
      if (shouldCommit()) {
        accessor = accessorSlots.accessor;
        interpreter = caller == null ? null : caller.name();
        slots = accessorSlots.empty.slotCount();
        commit();
      }
    }
  }

  @Name("io.github.pyhandlecache.Claim")
  @Label("Cache Claim")
  @Description("A miss claimed an empty slot")
  private static final class Claim extends MissEvent {}

  @Name("io.github.pyhandlecache.Reclaim")
  @Label("Cache Reclaim")
  @Description("A miss claimed a slot that a closed interpreter still owned, its close() not done")
  private static final class Reclaim extends MissEvent {
    @Label("Previous Owner") String previousOwner;
  }

  @Name("io.github.pyhandlecache.Bypass")
  @Label("Cache Bypass")
  @Description("A miss found every slot owned by another open interpreter: slots is too small")
  private static final class Bypass extends MissEvent {}

  @Name("io.github.pyhandlecache.NoInterpreter")
  @Label("Cache Miss Without Interpreter")
  @Description("A call had no interpreter (none entered, or null passed): nothing was cached")
  private static final class NoInterpreter extends MissEvent {}
}

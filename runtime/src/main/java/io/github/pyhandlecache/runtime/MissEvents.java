package io.github.pyhandlecache.runtime;

/**
 * The events one miss may record, begun before its slow accessor runs so that their duration is
 * the slow accessor's (and the claim's after it). <strong>Support for generated code; not an
 * API.</strong> A miss holds null instead unless a recording enables at least one of them. A miss
 * commits at most one: a claim is either a Claim or a Reclaim, never both.
 */
public final class MissEvents {
  private final CacheEvents.Claim claim = new CacheEvents.Claim();
  private final CacheEvents.Reclaim reclaim = new CacheEvents.Reclaim();
  private final CacheEvents.Bypass bypass = new CacheEvents.Bypass();
  private final CacheEvents.NoInterpreter noInterpreter = new CacheEvents.NoInterpreter();

  private MissEvents() {
    claim.begin();
    reclaim.begin();
    bypass.begin();
    noInterpreter.begin();
  }

  static MissEvents begin() {
    if (new CacheEvents.Claim().isEnabled()
        || new CacheEvents.Reclaim().isEnabled()
        || new CacheEvents.Bypass().isEnabled()
        || new CacheEvents.NoInterpreter().isEnabled()) {
      return new MissEvents();
    }
    return null;
  }

  /** {@code claimant} claimed a slot that {@code previous} owned, or that was empty. */
  static void claimed(
      MissEvents events, AccessorSlots slots, PyInterpreter claimant, PyInterpreter previous) {
    if (events == null) {
      return;
    }
    if (previous == SlotTable.EMPTY) {
      commit(events.claim, slots, claimant);
    } else {
      events.reclaim.previousOwner = previous.name();
      commit(events.reclaim, slots, claimant);
    }
  }

  /** Every slot was owned by another open interpreter than {@code caller}. */
  static void bypass(MissEvents events, AccessorSlots slots, PyInterpreter caller) {
    if (events != null) {
      commit(events.bypass, slots, caller);
    }
  }

  /** The call had no interpreter. */
  static void noInterpreter(MissEvents events, AccessorSlots slots) {
    if (events != null) {
      commit(events.noInterpreter, slots, null);
    }
  }

  private static void commit(
      CacheEvents.MissEvent event, AccessorSlots slots, PyInterpreter caller) {
    event.end();
    if (event.shouldCommit()) {
      event.set(slots, caller);
      event.commit();
    }
  }
}

package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;

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

  /*
   * One instance of each event, only ever asked isEnabled(): that reads the event class's static
   * state, so a shared instance answers for all, and a miss allocates nothing unless a recording
   * wants one of them (new Event().isEnabled() allocates wherever this method is not inlined).
   */
  private static final CacheEvents.Claim CLAIM_PROBE = new CacheEvents.Claim();
  private static final CacheEvents.Reclaim RECLAIM_PROBE = new CacheEvents.Reclaim();
  private static final CacheEvents.Bypass BYPASS_PROBE = new CacheEvents.Bypass();
  private static final CacheEvents.NoInterpreter NO_INTERPRETER_PROBE =
      new CacheEvents.NoInterpreter();

  static MissEvents begin() {
    if (CLAIM_PROBE.isEnabled()
        || RECLAIM_PROBE.isEnabled()
        || BYPASS_PROBE.isEnabled()
        || NO_INTERPRETER_PROBE.isEnabled()) {
      return new MissEvents();
    }
    return null;
  }

  /** {@code claimant} claimed a slot that {@code previous}, a closed interpreter, owned, or none. */
  static void claimed(
      MissEvents events, AccessorSlots slots, PyInterpreter claimant, Object previous) {
    if (events == null) {
      return;
    }
    if (previous instanceof PyInterpreter) {
      events.reclaim.previousOwner = ((PyInterpreter) previous).name();
      commit(events.reclaim, slots, claimant);
    } else {
      commit(events.claim, slots, claimant);
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

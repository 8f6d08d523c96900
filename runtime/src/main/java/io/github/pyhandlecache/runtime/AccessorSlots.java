package io.github.pyhandlecache.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * The slots of one cached accessor, on every object of a generated class, and the protocol that
 * claims and releases them. <strong>Support for generated code and {@link PyHandleCache}; not an
 * API.</strong> Its signatures may change in any release, together with the processor that calls
 * them.
 *
 * <p>Each object has one field per accessor holding a {@link SlotTable}: null until the first
 * claim, then an immutable table of tags and values that is only ever replaced whole, by one
 * compare-and-set (CAS) of that field.
 *
 * <h2>Note [Memory ordering on interpreter tags]</h2>
 *
 * <p>Every other comment about ordering in this project, generated code included, points here.
 *
 * <p><b>Hit</b> (written out in generated code so that it inlines; {@link PyHandleCache#getOr} does
 * the same): an acquire load of the object's table, then, for each slot, a load of its final tag,
 * a compare with the caller's interpreter {@code I}, and on a match a load of its final value.
 *
 * <p><b>Miss</b>: the slow accessor runs first, with nothing held. Then {@link #claim} registers the
 * object with {@code I} (so that {@code I.close()} can find it), and loops: read the table; if
 * {@code I} owns a slot, stop (another thread of {@code I} won); if {@code I} is closed or no slot
 * is empty or owned by a closed interpreter, stop; else build a new table with {@code I} and its
 * value in that slot and CAS it in; on failure, look again.
 *
 * <p><b>Release</b> ({@link PyInterpreter#close()}): set {@code closed}, then for each registered
 * object CAS in a new table without {@code I}, retrying until the CAS succeeds. The new table is a
 * fresh object even when {@code I} owned no slot there.
 *
 * <ol>
 *   <li><b>Publication.</b> A table's fields are final and the table is complete before the CAS
 *       that publishes it, so every thread that reads the table, by any load, sees its tags and
 *       values and everything the values reference as of construction (JLS 17.5). The acquire
 *       load only keeps the compiler from hoisting the read out of a caller's loop, so that a
 *       closed interpreter's calls do miss.
 *   <li><b>Isolation.</b> A tag and its value are read from the same immutable table, which was
 *       built with that value for that tag. No value is ever written into a slot that another
 *       interpreter's reader may be looking at, so the reclamation hazard of a two-field slot (a
 *       reclaimer overwriting the value between the reader's tag and value loads) cannot arise, and
 *       there is no re-check on the hit.
 *   <li><b>Identity; one slot per interpreter.</b> A claim CASes against the very table in which
 *       it saw that {@code I} owns no slot, so {@code I} never owns two. Every new table copies the
 *       other slots unchanged, and only {@code I.close()} removes {@code I}; so while {@code I}
 *       owns a slot, every table holds the same value there. Racing threads of {@code I}: one CAS
 *       wins; the others fail, read again, find {@code I}'s slot and return its value.
 *   <li><b>Release against a racing claim.</b> Volatile accesses and CASes are totally ordered. A
 *       claimant registers, then reads the table, then reads {@code closed}, then CASes; the closer
 *       writes {@code closed}, then reads the registrations, then CASes a fresh table. If the
 *       claimant read {@code closed == false}, its registration precedes the closer's read of the
 *       registrations, so the closer visits that object. If the closer's CAS comes first, it
 *       replaced the table the claimant read with a fresh object (this is why release never
 *       reinstalls a table), so the claimant's CAS fails and its next look sees {@code closed};
 *       otherwise the closer reads the claimant's table and removes {@code I}. Either way no slot
 *       holds {@code I} once {@code close()} has returned.
 *   <li><b>Progress and faults.</b> Nothing waits: a hit reads, a miss reads and CASes, a failed
 *       CAS means another thread's succeeded, and a claim gives up after {@link #MAX_ATTEMPTS}
 *       (returning its own value, as rule 3 allows). Every write to shared state is one CAS of a
 *       complete table or one enqueue of a registration, so a {@code Throwable} thrown anywhere
 *       (a {@code StackOverflowError} in the middle of a claim included) leaves every table whole
 *       and nothing half-done for another thread to wait on or repair.
 * </ol>
 */
public final class AccessorSlots {
  /** The most slots an accessor can have: the {@code slots} limit of {@code @PyHandleCached}. */
  public static final int MAX_SLOTS = 16;

  /**
   * The protocol that this runtime speaks with generated code. A processor that generates code
   * for a later protocol must be paired with a later runtime: see {@link #requireProtocol}.
   */
  static final int PROTOCOL = 1;

  /** Claims that lose this many CASes in a row return their own value instead of claiming. */
  static final int MAX_ATTEMPTS = 64;

  private final VarHandle table;
  private final SlotTable empty;
  private final String accessor;

  private AccessorSlots(VarHandle table, SlotTable empty, String accessor) {
    this.table = table;
    this.empty = empty;
    this.accessor = accessor;
  }

  /**
   * Checks, first thing in a generated class's static initializer, that this runtime speaks the
   * protocol the class was generated for.
   *
   * @param protocol the slot protocol the class was generated for
   * @param processorVersion the version of the processor that generated the class
   * @param generated the generated class
   * @throws IllegalStateException naming both versions if it does not
   */
  public static void requireProtocol(int protocol, String processorVersion, Class<?> generated) {
    if (protocol != PROTOCOL) {
      throw new IllegalStateException(
          generated.getName() + " was generated by pyhandlecache-processor " + processorVersion
              + " for slot protocol " + protocol + ", but pyhandlecache-runtime "
              + RuntimeVersion.get() + " speaks protocol " + PROTOCOL
              + ": use the same version of both (import pyhandlecache-bom)");
    }
  }

  /**
   * Returns the slots of an accessor whose tables live in {@code table}, an instance field of type
   * {@code empty.getClass()}.
   *
   * @param table the VarHandle of the field that holds each object's table
   * @param empty a table whose slots are all empty
   * @param accessor how events name the accessor: {@code Foo.op(PyInterpreter)} or {@code Foo.op()}
   * @return the accessor's slots
   */
  public static AccessorSlots of(VarHandle table, SlotTable empty, String accessor) {
    if (table.varType() != empty.getClass() || table.coordinateTypes().size() != 1) {
      throw new IllegalArgumentException(
          "not an instance field of type " + empty.getClass().getName() + ": " + table);
    }
    int slots = empty.slotCount();
    if (slots < 1 || slots > MAX_SLOTS) {
      throw new IllegalArgumentException(
          "slots must be between 1 and " + MAX_SLOTS + ", got " + slots);
    }
    for (int slot = 0; slot < slots; slot++) {
      if (empty.tag(slot) != SlotTable.EMPTY) {
        throw new IllegalArgumentException("slot " + slot + " of the empty table is not empty");
      }
    }
    return new AccessorSlots(table, empty, Objects.requireNonNull(accessor, "accessor"));
  }

  /** The same, for a field that {@code lookup} can find by name. */
  static AccessorSlots of(
      MethodHandles.Lookup lookup, String field, SlotTable empty, String accessor) {
    try {
      return of(
          lookup.findVarHandle(lookup.lookupClass(), field, empty.getClass()), empty, accessor);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * Starts a miss, before its slow accessor runs: returns the events it may record, begun, or
   * null when no recording wants them (the usual case, which costs a load per event type).
   *
   * @return the miss's events, or null
   */
  public MissEvents beginMiss() {
    return MissEvents.begin();
  }

  /**
   * After the slow accessor has run for {@code claimant}: returns whether {@link #claim} is worth
   * calling, because {@code claimant} is open and owns a slot or may claim one. Returns false, and
   * the caller returns its own value, if {@code claimant} is null or closed, or every slot is owned
   * by another open interpreter (a <em>bypass</em>, recorded as an event).
   *
   * @param current the object's table, read by the caller after its slow accessor ran (generated
   *     code reads it through its own constant VarHandle, which the JIT inlines; this class's
   *     VarHandle is an instance field and is not constant), or null if it has none yet
   * @param claimant the interpreter the slow accessor ran for, or null if there is none
   * @param events the miss's events, from {@link #beginMiss}, or null
   * @return whether {@link #claim} is worth calling
   */
  public boolean isClaimable(SlotTable current, PyInterpreter claimant, MissEvents events) {
    if (claimant == null) {
      MissEvents.noInterpreter(events, this);
      return false;
    }
    if (claimant.isClosed()) {
      return false;
    }
    if (current == null || current.slotOf(claimant) >= 0 || reclaimableSlot(current) >= 0) {
      return true;
    }
    MissEvents.bypass(events, this, claimant);
    return false;
  }

  /**
   * Claims a slot for the interpreter of slot 0 of {@code claim}, a table holding only that
   * interpreter and the value its slow accessor returned. Returns the object's table as it is
   * afterwards: the caller returns its interpreter's value from it if it owns a slot there (its own,
   * or the one another thread of the same interpreter claimed first), else its own value.
   *
   * @param holder the object whose table is claimed in
   * @param claim a table holding only the claimant and its value, in slot 0
   * @param events the miss's events, from {@link #beginMiss}, or null
   * @return the object's table after the claim
   */
  public SlotTable claim(Object holder, SlotTable claim, MissEvents events) {
    PyInterpreter claimant = claim.tag(0);
    SlotTable current = read(holder);
    if (current != null && current.slotOf(claimant) >= 0) {
      return current;
    }
    claimant.registerSlots(holder, this); // before the reads below: see Release in the Note
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      current = read(holder);
      if (current != null && current.slotOf(claimant) >= 0) {
        return current;
      }
      int slot = current == null ? 0 : reclaimableSlot(current);
      if (slot < 0) {
        MissEvents.bypass(events, this, claimant); // other interpreters took the last free slot
        return current;
      }
      if (claimant.isClosed()) {
        return current == null ? empty : current;
      }
      PyInterpreter previous = current == null ? SlotTable.EMPTY : current.tag(slot);
      SlotTable next = current == null ? claim : current.with(slot, claim);
      if (table.compareAndSet(holder, current, next)) {
        MissEvents.claimed(events, this, claimant, previous);
        return next;
      }
    }
    SlotTable latest = read(holder);
    return latest == null ? empty : latest;
  }

  /**
   * Removes {@code closed}'s slot from {@code holder}'s table, if it owns one, and in any case
   * replaces the table with a fresh one. Returns whether a slot was released.
   */
  boolean release(Object holder, PyInterpreter closed) {
    while (true) {
      SlotTable current = read(holder);
      SlotTable base = current == null ? empty : current;
      int slot = base.slotOf(closed);
      // Slot 0 of the empty table is empty; slot 0 of base onto itself is a fresh copy.
      SlotTable next = slot >= 0 ? base.with(slot, empty) : base.with(0, base);
      if (table.compareAndSet(holder, current, next)) {
        return slot >= 0;
      }
    }
  }

  /** Returns the number of slots. */
  int slotCount() {
    return empty.slotCount();
  }

  /** Returns how events name this accessor. */
  String accessor() {
    return accessor;
  }

  /** Returns {@code holder}'s table, or null if nothing has claimed a slot of it yet. */
  SlotTable read(Object holder) {
    return (SlotTable) table.getAcquire(holder);
  }

  private static int reclaimableSlot(SlotTable table) {
    for (int slot = 0; slot < table.slotCount(); slot++) {
      PyInterpreter tag = table.tag(slot);
      if (tag == SlotTable.EMPTY || tag.isClosed()) {
        return slot;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "AccessorSlots[" + accessor + ", " + slotCount() + " slots]";
  }
}

package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Objects;

/**
 * The slots of one cached accessor, on every object that has it, and the protocol that claims and
 * releases them. <strong>Support for generated code and {@code PyHandleCache}; not an API.</strong>
 *
 * <h2>Note [Memory ordering on interpreter tags]</h2>
 *
 * <p>Every other comment about ordering in this project, generated code included, points here.
 *
 * <p>Each object holds, per accessor, a {@link SlotTable}: allocated with the object, so that a hit
 * reads memory next to it, and replaced only whole, by a CAS of the object's field. Its slots are
 * <em>write-once</em>: a tag goes from {@code EMPTY} to a pending {@link Claim}, then to the claim's
 * interpreter (the slot's <em>owner</em>) or to {@code ABANDONED}, and never back.
 *
 * <ul>
 *   <li><b>Hit</b> (generated code; {@code PyHandleCache.getOr}): an acquire load of the table, an
 *       acquire load of the tag of the caller {@code I}'s preferred slot (its {@code hashCode()}
 *       modulo the slot count; the others on a miss), a compare, a plain load of the value.
 *   <li><b>Miss</b>: the slow accessor runs first, with nothing held; then {@link #claim} registers
 *       the object with {@code I}, weakly, and loops: if {@code I} owns a slot, stop; if a claim of
 *       {@code I} is pending, complete it; if {@code I} is closed, stop; CAS a claim into the first
 *       {@code EMPTY} slot from {@code I}'s preferred one and complete it; or, if a slot is
 *       reclaimable (its owner closed, or abandoned), replace the table with one where {@code I}'s
 *       claim is pending; else every slot is another open interpreter's: bypass.
 *   <li><b>Complete</b> (any thread): if the claimant is closed, CAS the claim to {@code ABANDONED};
 *       else write the claim's value into the slot and CAS the claim to the claimant.
 *   <li><b>Replace</b>: seal the table (CAS each {@code EMPTY} or pending slot to {@code
 *       ABANDONED}, so that nothing lands in it any more), then CAS the object's field from it to a
 *       new table holding its open owners and their values.
 *   <li><b>Release</b> ({@code I.close()}): set {@code closed}, then replace the table of every
 *       registered object with one without {@code I}; each failed CAS is retried on the table that
 *       won.
 * </ul>
 *
 * <ol>
 *   <li><b>Publication.</b> A table is complete before the release store or CAS that publishes it,
 *       and a value is written before the CAS that makes its claimant the owner. Readers load the
 *       table and the tag with acquire, so they see the value and all it references.
 *   <li><b>Isolation.</b> A slot holds the value of one claim (helpers write that same value again),
 *       written before the tag names the owner, never changed after. Tables are replaced, never
 *       refilled: the hazard of a reclaimer overwriting a value between a reader's loads of the tag
 *       and of the value cannot arise, and the hit needs no re-check.
 *   <li><b>Identity; one slot per interpreter.</b> A claim of {@code I} is placed only in a table
 *       where {@code I} has no slot and no pending claim, at the first {@code EMPTY} slot from
 *       {@code I}'s preferred one. Slots never become {@code EMPTY} again, so racing threads of
 *       {@code I} pick the same slot, one CAS wins, and the others complete the winner's claim. A
 *       replacement seals first and looks for {@code I}'s slot after. Every new table copies the
 *       open owners and their values, and only {@code I.close()} drops {@code I}: while {@code I}
 *       owns a slot, every table holds the same value for it.
 *   <li><b>Release against a racing claim.</b> Volatile accesses and CASes are totally ordered. A
 *       claimant registers, then reads the table, then reads {@code closed}, then places its claim
 *       in that table; a claim becomes an owner only by a CAS that follows a read of {@code closed
 *       == false} made after the claim was placed. The closer writes {@code closed}, then reads the
 *       registrations, then seals and replaces each table. A claimant that read {@code false} is
 *       registered by then, and the table it read is sealed (its claim cannot land) or holds its
 *       claim, pending (the seal kills it) or owning (the copy drops it); one that read a table the
 *       closer installed reads {@code true}. So no slot of a table installed after {@code close()}
 *       returns holds {@code I}, a claim of {@code I}, or a value a helper wrote for {@code I}:
 *       helpers write only into the table they read, which the closer has detached.
 *   <li><b>Progress and faults.</b> Nothing waits. A hit reads; a miss makes at most {@link
 *       #MAX_ATTEMPTS} rounds of CASes and then returns its own value. Every shared write is a CAS
 *       (of a tag, a table, a registration) or the write of a pending claim's value into its slot.
 *       A claim carries its value, so any thread completes it: a thread stopped anywhere (a {@code
 *       StackOverflowError} included) leaves at most a pending claim, which the next miss of its
 *       interpreter completes, or a sealed table, which the next claim or release replaces.
 * </ol>
 */
public final class AccessorSlots {
  /** The most slots an accessor can have: the {@code slots} limit of {@code @PyHandleCached}. */
  public static final int MAX_SLOTS = 16;

  /** The protocol this runtime speaks with generated code: see {@link #requireProtocol}. */
  static final int PROTOCOL = 2;

  /** Claims that lose this many rounds in a row return their own value instead of claiming. */
  static final int MAX_ATTEMPTS = 64;

  private final VarHandle tables;
  private final SlotTable empty;
  private final String accessor;
  /** What registrations hold: they must not keep a generated class, hence its loader, alive. */
  private final WeakReference<AccessorSlots> weakly = new WeakReference<>(this);

  private AccessorSlots(VarHandle tables, SlotTable empty, String accessor) {
    this.tables = tables;
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
   * Returns the slots of an accessor whose tables live in {@code tables}, an instance field of
   * type {@code empty.getClass()}.
   *
   * @param tables the VarHandle of the field that holds each object's table
   * @param empty a table whose slots are all empty, of the class every table of the accessor has
   * @param accessor how events name the accessor: {@code Foo.op(PyInterpreter)} or {@code Foo.op()}
   * @return the accessor's slots
   */
  public static AccessorSlots of(VarHandle tables, SlotTable empty, String accessor) {
    if (tables.varType() != empty.getClass() || tables.coordinateTypes().size() != 1) {
      throw new IllegalArgumentException(
          "not an instance field of type " + empty.getClass().getName() + ": " + tables);
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
    return new AccessorSlots(tables, empty, Objects.requireNonNull(accessor, "accessor"));
  }

  /**
   * Returns the slot of {@code table} that {@code interpreter} owns, or -1, also when either is null.
   *
   * @param table an object's table, or null
   * @param interpreter the caller's interpreter, or null
   * @return the index of the slot, or -1
   */
  public static int slotOf(SlotTable table, PyInterpreter interpreter) {
    return table == null || interpreter == null ? -1 : table.slotOf(interpreter);
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
   * calling. False, and the caller returns its own value, if {@code claimant} is null or closed, or
   * every slot is another open interpreter's (a <em>bypass</em>, recorded as an event).
   *
   * @param table the object's table, read by the caller through its own constant VarHandle (which
   *     the JIT inlines; this class's is an instance field), or null
   * @param claimant the interpreter the slow accessor ran for, or null
   * @param events the miss's events, from {@link #beginMiss}, or null
   * @return whether {@link #claim} is worth calling
   */
  public boolean isClaimable(SlotTable table, PyInterpreter claimant, MissEvents events) {
    if (claimant == null) {
      MissEvents.noInterpreter(events, this);
      return false;
    }
    if (claimant.isClosed()) {
      return false;
    }
    if (table == null) {
      return true;
    }
    for (int slot = 0; slot < table.slotCount(); slot++) {
      Object tag = table.tag(slot);
      if (tag == claimant || tag == SlotTable.EMPTY || isReclaimable(tag) || isClaimOf(tag, claimant)) {
        return true;
      }
    }
    MissEvents.bypass(events, this, claimant);
    return false;
  }

  /**
   * Claims a slot of {@code host} for {@code claim}'s claimant, and returns {@code host}'s table as
   * it is afterwards: the caller returns its interpreter's value from it if it owns a slot there
   * (its own claim, or another thread's for the same interpreter), else its own value.
   *
   * @param host the object whose slot is claimed
   * @param claim the claimant and the value its slow accessor returned
   * @param events the miss's events, from {@link #beginMiss}, or null
   * @return {@code host}'s table after the claim
   */
  public SlotTable claim(Object host, Claim claim, MissEvents events) {
    PyInterpreter claimant = claim.claimant();
    Registrations.of(claimant).add(registration(host)); // before placing: see Release in the Note
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      SlotTable table = read(host);
      int slots = table.slotCount();
      int start = preferredSlot(claimant, slots);
      int empty = -1;
      int reclaimable = -1;
      Claim pending = null;
      for (int i = 0; i < slots && pending == null; i++) {
        int slot = (start + i) % slots;
        Object tag = table.tag(slot);
        if (tag == claimant) {
          return table;
        } else if (isClaimOf(tag, claimant)) {
          pending = (Claim) tag; // another thread's, or one that a fault left behind
          complete(table, slot, pending);
        } else if (tag == SlotTable.EMPTY && empty < 0) {
          empty = slot;
        } else if (isReclaimable(tag) && reclaimable < 0) {
          reclaimable = slot;
        }
      }
      if (pending != null) {
        continue; // look again: the claimant owns that slot now, or the claim was abandoned
      }
      if (claimant.isClosed()) { // read after the table: see Release in the Note
        return table;
      }
      if (empty >= 0) {
        if (table.casTag(empty, SlotTable.EMPTY, claim)) {
          complete(table, empty, claim);
          if (table.tag(empty) == claimant) {
            MissEvents.claimed(events, this, claimant, SlotTable.EMPTY);
          }
        }
      } else if (reclaimable >= 0) {
        Object previous = table.tag(reclaimable);
        if (replace(host, table, null, claim)) {
          MissEvents.claimed(events, this, claimant, previous);
        }
      } else {
        MissEvents.bypass(events, this, claimant); // other interpreters took the last slots
        return table;
      }
    }
    return read(host);
  }

  /**
   * Replaces {@code host}'s table by one without {@code closed}, whether it owns a slot there or
   * not: a claim of {@code closed} that read the old table can then not land (Note, point 4).
   * Returns how many slots {@code closed} owned there (0 or 1).
   */
  int release(Object host, PyInterpreter closed) {
    while (true) {
      SlotTable table = read(host);
      int owned = table.slotOf(closed) >= 0 ? 1 : 0;
      if (replace(host, table, closed, null)) {
        return owned;
      }
    }
  }

  /** Returns how many slots the accessor has. */
  int slotCount() {
    return empty.slotCount();
  }

  /** Returns how events name the accessor. */
  String accessor() {
    return accessor;
  }

  /** Returns {@code host}'s table, installing an empty one if it has none yet. */
  SlotTable read(Object host) {
    SlotTable table = (SlotTable) tables.getAcquire(host);
    if (table == null) { // a constructor calling the accessor, or a deserialized object
      tables.compareAndSet(host, null, empty.newTable());
      table = (SlotTable) tables.getAcquire(host);
    }
    return table;
  }

  /** Publishes a pending claim, or abandons it if its claimant is closed. Any thread may. */
  private static void complete(SlotTable table, int slot, Claim claim) {
    PyInterpreter claimant = claim.claimant();
    if (claimant.isClosed()) {
      table.casTag(slot, claim, SlotTable.ABANDONED);
    } else {
      table.fill(slot, claim);
      table.casTag(slot, claim, claimant);
    }
  }

  /**
   * Seals {@code table}, then CASes in a new table with its open owners but {@code dropped}, and
   * {@code claim} pending in the first free slot from its claimant's preferred one, unless its
   * claimant owns a slot already. Returns whether the CAS landed.
   */
  private boolean replace(Object host, SlotTable table, PyInterpreter dropped, Claim claim) {
    table.seal();
    SlotTable next = table.newTable();
    for (int slot = 0; slot < table.slotCount(); slot++) {
      if (table.tag(slot) instanceof PyInterpreter) {
        PyInterpreter owner = (PyInterpreter) table.tag(slot);
        if (owner != dropped && !owner.isClosed()) {
          next.copyValue(slot, table);
          next.casTag(slot, SlotTable.EMPTY, owner); // the new table is not shared yet
        }
      }
    }
    if (claim != null && next.slotOf(claim.claimant()) < 0) {
      int start = preferredSlot(claim.claimant(), next.slotCount());
      for (int i = 0; i < next.slotCount(); i++) {
        if (next.casTag((start + i) % next.slotCount(), SlotTable.EMPTY, claim)) {
          break;
        }
      }
    }
    next.setRegistration(table.registration());
    return tables.compareAndSet(host, table, next);
  }

  /** Returns {@code host}'s registration, created on its first claim and kept by its tables. */
  private Registrations.HostRef registration(Object host) {
    SlotTable table = read(host);
    Registrations.HostRef ref = table.registration();
    if (ref == null) {
      ref = new Registrations.HostRef(host, weakly);
      if (!table.setRegistration(ref)) {
        ref = table.registration();
      }
    }
    return ref;
  }

  private static boolean isReclaimable(Object tag) {
    return tag == SlotTable.ABANDONED
        || tag instanceof PyInterpreter && ((PyInterpreter) tag).isClosed()
        || tag instanceof Claim && ((Claim) tag).claimant().isClosed();
  }

  private static boolean isClaimOf(Object tag, PyInterpreter claimant) {
    return tag instanceof Claim && ((Claim) tag).claimant() == claimant;
  }

  /** The slot a claim of {@code interpreter} tries first, and its hit looks at. */
  private static int preferredSlot(PyInterpreter interpreter, int slots) {
    return interpreter.hashCode() % slots;
  }

  @Override
  public String toString() {
    return "AccessorSlots[" + accessor + ", " + slotCount() + " slots]";
  }
}

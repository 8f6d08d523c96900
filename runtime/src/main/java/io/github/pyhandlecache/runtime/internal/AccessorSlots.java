package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The slots of one cached accessor, on every object that has it, and the protocol that claims and
 * releases them. <strong>Support for generated code and {@code PyHandleCache}; not an API.</strong>
 *
 * <h2>Note [Memory ordering on interpreter tags]</h2>
 *
 * <p>Every other comment about ordering in this project, generated code included, points here.
 * Each object holds, per accessor, a {@link SlotTable}, allocated with the object so that a hit
 * reads memory next to it, and replaced only whole, by a CAS of the object's field. Its slots are
 * write-once: a tag goes from {@code EMPTY} to a pending {@link Claim} (an interpreter and its
 * value), then to that interpreter (the slot's owner) or to {@code ABANDONED}, never back. A hit is
 * an acquire load of the table, an acquire load of the tag of the caller {@code I}'s preferred slot
 * ({@code I.hashCode()} modulo the slot count), a compare and a plain load of the value. Any thread
 * <em>completes</em> a pending claim: writes its value into the slot, then CASes the claim to its
 * interpreter (to {@code ABANDONED} if that is closed). <em>Replacing</em> a table seals it (CASes
 * its empty and pending slots to {@code ABANDONED}), then CASes in a new table with its open owners
 * and their values. {@code I.close()} replaces the table of every object registered with it.
 *
 * <ol>
 *   <li><b>Publication.</b> A table is complete before the release store or CAS that publishes it,
 *       a value is written before the CAS that makes its claimant the owner, and readers load the
 *       table and the tag with acquire: they see the value and all it references.
 *   <li><b>Isolation.</b> A slot holds one claim's value, written before the tag names the owner
 *       (helpers write it again), never changed. Tables are replaced, never refilled: no reclaimer
 *       overwrites a value between a reader's loads of tag and value, so hits need no re-check.
 *   <li><b>Identity; one slot per interpreter.</b> A claim of {@code I} is placed only in a table
 *       where {@code I} has no slot and no pending claim, in the first empty slot from its
 *       preferred one. Slots never become empty again, so racing threads of {@code I} pick the
 *       same slot: one CAS wins and the others complete the winner's claim. A replacement looks
 *       for {@code I}'s slot after sealing, copies the open owners with their values, and drops
 *       {@code I} only when {@code I} closes: while {@code I} owns a slot, it keeps its value.
 *   <li><b>Release against a racing claim.</b> Volatile accesses and CASes are totally ordered. A
 *       claimant registers, reads {@code closed}, then places its claim in a table it read; the
 *       closer writes {@code closed}, reads the registrations, then seals and replaces each table.
 *       A claimant that read {@code false} is registered by then, and its table is sealed (its
 *       claim cannot land) or holds its claim, pending (killed by the seal) or owning (dropped by
 *       the copy); one that read a table the closer installed reads {@code true}. Helpers fill only
 *       tables they read, detached then. Once {@code close()} returns, no table holds {@code I}.
 *   <li><b>Progress and faults.</b> Nothing waits: a hit reads; a miss makes at most {@link
 *       #MAX_ATTEMPTS} rounds of CASes, then returns its own value. Every shared write is a CAS (of
 *       a tag, a table, a registration) or the write of a pending claim's value into its slot. A
 *       claim carries its value, so any thread completes it: a thread stopped anywhere (by a {@code
 *       StackOverflowError}, say) leaves at most a pending claim, which its interpreter's next miss
 *       completes, or a sealed table, which the next claim or release replaces.
 * </ol>
 */
public final class AccessorSlots {
  /** The {@code slots} limit of {@code @PyHandleCached}. */
  public static final int MAX_SLOTS = 16;
  /** The protocol this runtime speaks with generated code: see {@link #requireProtocol}. */
  static final int PROTOCOL = 6;
  /** Claims that lose this many rounds in a row return their own value instead of claiming. */
  static final int MAX_ATTEMPTS = 64;
  private final VarHandle tables;
  final SlotTable empty; // every slot empty: what a new object's table is a copy of
  /** How events name the accessor: {@code Foo.op(PyInterpreter)}, {@code Foo.op()}. */
  final String accessor;
  /** What registrations hold: they must not keep a generated class, hence its loader, alive. */
  private final WeakReference<AccessorSlots> weakly = new WeakReference<>(this);

  private AccessorSlots(VarHandle tables, SlotTable empty, String accessor) {
    this.tables = tables;
    this.empty = empty;
    this.accessor = accessor;
  }

  /**
   * Checks, first thing in a generated class's static initializer, that this runtime speaks the
   * protocol the class was generated for; throws IllegalStateException naming both versions if not.
   */
  public static void requireProtocol(int protocol, String processorVersion, Class<?> generated) {
    if (protocol != PROTOCOL) {
      throw new IllegalStateException(generated.getName() + " was generated by"
          + " pyhandlecache-processor " + processorVersion + " for slot protocol " + protocol
          + ", but pyhandlecache-runtime " + runtimeVersion() + " speaks protocol " + PROTOCOL
          + ": use the same version of both (import pyhandlecache-bom)");
    }
  }

  /** This runtime's Maven version, which the build writes into {@code version.properties}. */
  static String runtimeVersion() {
    try {
      return ResourceBundle.getBundle(AccessorSlots.class.getPackageName() + ".version")
          .getString("version");
    } catch (MissingResourceException e) {
      return "(unknown version)";
    }
  }

  /**
   * Returns the slots of an accessor whose tables live in {@code tables}, an instance field of the
   * class of {@code empty}, a table whose slots are all empty; events name it {@code accessor}.
   */
  public static AccessorSlots of(VarHandle tables, SlotTable empty, String accessor) {
    int slots = empty.slotCount();
    if (tables.varType() != empty.getClass() || slots < 1 || slots > MAX_SLOTS
        || accessor == null) {
      throw new IllegalArgumentException("not the slots of an accessor: " + accessor);
    }
    return new AccessorSlots(tables, empty, accessor);
  }

  /** Returns {@code interpreter}'s slot in {@code table}, or -1, also if either is null. */
  public static int slotOf(SlotTable table, PyInterpreter interpreter) {
    return table == null || interpreter == null ? -1 : table.slotOf(interpreter);
  }

  /**
   * After the slow accessor ran: claims a slot of {@code host} for {@code claimant}, with the value
   * it computed ({@code reference}, or a primitive's {@code bits}), first in {@code table} (what the
   * caller read, or null). Claims nothing if {@code claimant} is null or closed, or if every slot
   * is another open interpreter's (a bypass). Returns the table in which the claimant may own a
   * slot now (by its claim or another thread's), or {@code table} if it claimed nothing.
   *
   * <p>One method, more bytecode than C2 inlines at a hot call (FreqInlineSize, 325 bytes): a
   * generated accessor compiles to its hit and a call, small enough for its callers to inline it
   * however many misses warmed it up (the processor's AccessorInliningTest).
   */
  public SlotTable claim(Object host, SlotTable table, PyInterpreter claimant, Object reference,
      long bits, MissEvents events) {
    if (claimant == null) {
      MissEvents.noInterpreter(events, this);
      return table;
    } else if (claimant.isClosed() || table != null && isBypassed(table, claimant, events)) {
      return table;
    }
    Claim claim = new Claim(claimant, reference, bits);
    table = table != null ? table : read(host);
    Registrations.of(claimant).add(registration(host, table)); // before `closed`: see the Note
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++, table = read(host)) {
      int slots = table.slotCount();
      int empty = -1;
      int reclaimable = -1;
      Claim pending = null;
      for (int i = 0, slot = preferredSlot(claimant, slots); i < slots && pending == null;
          i++, slot = (slot + 1) % slots) {
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
      } else if (claimant.isClosed()) { // read after registering: see Release in the Note
        return table;
      } else if (empty >= 0) {
        if (table.casTag(empty, SlotTable.EMPTY, claim)) {
          complete(table, empty, claim);
          if (table.tag(empty) == claimant) {
            MissEvents.claimed(events, this, claimant, SlotTable.EMPTY);
            return table;
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

  /** Whether every slot of {@code table} is another open interpreter's: a bypass, recorded. */
  private boolean isBypassed(SlotTable table, PyInterpreter claimant, MissEvents events) {
    for (int slot = 0; slot < table.slotCount(); slot++) {
      Object tag = table.tag(slot);
      if (tag == claimant || tag == SlotTable.EMPTY || isReclaimable(tag)
          || isClaimOf(tag, claimant)) {
        return false;
      }
    }
    MissEvents.bypass(events, this, claimant);
    return true;
  }

  /**
   * Replaces {@code host}'s table by one without {@code closed}, owner or not, so that no claim of
   * it that read the old one lands (Note, point 4); returns how many slots it owned there.
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
    if (claim.claimant().isClosed()) {
      table.casTag(slot, claim, SlotTable.ABANDONED);
    } else {
      table.fill(slot, claim);
      table.casTag(slot, claim, claim.claimant());
    }
  }

  /**
   * Seals {@code table}, then CASes in a new table with its open owners but {@code dropped}, and
   * {@code claim}, if any, pending in the first empty slot from its claimant's preferred one,
   * unless its claimant owns a slot already. Returns whether the CAS landed.
   */
  private boolean replace(Object host, SlotTable table, PyInterpreter dropped, Claim claim) {
    table.seal();
    SlotTable next = table.newTable();
    int slots = table.slotCount();
    for (int slot = 0; slot < slots; slot++) {
      if (table.tag(slot) instanceof PyInterpreter owner && owner != dropped && !owner.isClosed()) {
        next.copyValue(slot, table);
        next.casTag(slot, SlotTable.EMPTY, owner); // the new table is not shared yet
      }
    }
    if (claim != null && next.slotOf(claim.claimant()) < 0) {
      int from = preferredSlot(claim.claimant(), slots);
      for (int i = 0; i < slots && !next.casTag((from + i) % slots, SlotTable.EMPTY, claim); i++) {}
    }
    next.registration = table.registration;
    return tables.compareAndSet(host, table, next);
  }

  /** Returns {@code host}'s registration, created on its first claim and kept by its tables. */
  private Registrations.HostRef registration(Object host, SlotTable table) {
    Registrations.HostRef ref = table.registration;
    if (ref == null) {
      table.registration = ref = new Registrations.HostRef(host, weakly);
    }
    return ref;
  }

  private static boolean isReclaimable(Object tag) {
    return tag == SlotTable.ABANDONED || tag instanceof PyInterpreter owner && owner.isClosed()
        || tag instanceof Claim claim && claim.claimant().isClosed();
  }

  private static boolean isClaimOf(Object tag, PyInterpreter claimant) {
    return tag instanceof Claim claim && claim.claimant() == claimant;
  }

  /** The slot a claim of {@code interpreter} tries first, and its hit looks at. */
  private static int preferredSlot(PyInterpreter interpreter, int slots) {
    return interpreter.hashCode() % slots;
  }
}

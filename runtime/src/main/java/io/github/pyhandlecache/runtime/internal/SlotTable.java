package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One object's slots of one cached accessor: for each slot a tag and a value. <strong>Support for
 * generated code and {@code PyHandleCache}; not an API.</strong>
 *
 * <p>A generated class declares one subclass per accessor, with tags {@code tag0, tag1, ...} and
 * values {@code value0, value1, ...} typed exactly (a primitive is never boxed), so that a hit reads
 * them directly. Slots are write-once: a tag goes from {@link #EMPTY} to a pending {@link Claim},
 * then to the claimant or to {@link #ABANDONED}, and never back; see {@link AccessorSlots}.
 */
public abstract class SlotTable {
  /** The tag of a slot nobody has claimed. Never null, so that no caller, null included, hits it. */
  protected static final Object EMPTY = new Marker("empty");

  /** The tag of a slot that can no longer be claimed in this table: it must be replaced. */
  static final Object ABANDONED = new Marker("abandoned");

  private static final VarHandle REGISTRATION;

  static {
    try {
      REGISTRATION = MethodHandles.lookup()
          .findVarHandle(SlotTable.class, "registration", Registrations.HostRef.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The object's registration with interpreters, shared by its tables; set once. */
  @SuppressWarnings("unused") // through REGISTRATION
  private Registrations.HostRef registration;

  /** For subclasses. */
  protected SlotTable() {}

  /**
   * Returns a new table of the same class, every slot empty.
   *
   * @return the new table
   */
  protected abstract SlotTable newTable();

  /**
   * Returns how many slots the table has: the same for every table of an accessor.
   *
   * @return the number of slots
   */
  protected abstract int slotCount();

  /**
   * Returns slot {@code slot}'s tag, by an acquire load: {@link #EMPTY}, a pending {@link Claim},
   * the owning interpreter, or {@link #ABANDONED}.
   *
   * @param slot the index of the slot
   * @return the tag
   */
  protected abstract Object tag(int slot);

  /**
   * Sets slot {@code slot}'s tag to {@code tag} if it is {@code expected}, atomically.
   *
   * @param slot the index of the slot
   * @param expected the tag it must have
   * @param tag the new tag
   * @return whether the tag was set
   */
  protected abstract boolean casTag(int slot, Object expected, Object tag);

  /**
   * Writes {@code claim}'s value into slot {@code slot}, which {@code claim} is pending in.
   *
   * @param slot the index of the slot
   * @param claim the pending claim
   */
  protected abstract void fill(int slot, Claim claim);

  /**
   * Writes the value of slot {@code slot} of {@code from}, a table of the same class, into slot
   * {@code slot} of this table, which is not shared yet.
   *
   * @param slot the index of the slot
   * @param from the table to copy from
   */
  protected abstract void copyValue(int slot, SlotTable from);

  /**
   * Returns the slot that {@code interpreter} owns, or -1.
   *
   * @param interpreter an interpreter
   * @return the index of its slot, or -1
   */
  public final int slotOf(PyInterpreter interpreter) {
    for (int slot = 0; slot < slotCount(); slot++) {
      if (tag(slot) == interpreter) {
        return slot;
      }
    }
    return -1;
  }

  /** Makes every slot that is empty or pending {@link #ABANDONED}: the table never changes again. */
  final void seal() {
    for (int slot = 0; slot < slotCount(); slot++) {
      Object tag = tag(slot);
      // Each failed CAS saw the tag move on; a tag moves at most twice.
      while ((tag == EMPTY || tag instanceof Claim) && !casTag(slot, tag, ABANDONED)) {
        tag = tag(slot);
      }
    }
  }

  final Registrations.HostRef registration() {
    return (Registrations.HostRef) REGISTRATION.getAcquire(this);
  }

  final boolean setRegistration(Registrations.HostRef registration) {
    return registration != null && REGISTRATION.compareAndSet(this, null, registration);
  }

  @Override
  public String toString() {
    StringBuilder tags = new StringBuilder("[");
    for (int slot = 0; slot < slotCount(); slot++) {
      tags.append(slot == 0 ? "" : ", ").append(tag(slot));
    }
    return tags.append(']').toString();
  }

  /** {@link #EMPTY} and {@link #ABANDONED}, named for {@link #toString()}. */
  private static final class Marker {
    private final String name;

    Marker(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}

package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jetbrains.lincheck.datastructures.Validate;

/**
 * A host's cached accessor as Lincheck model-checks it: {@link ClaimModel} calls it, {@link
 * ReleaseModel} also closes interpreters. Lincheck runs scenarios of their operations on two
 * threads and explores interleavings at every shared access of the protocol ({@code AccessorSlots},
 * Note [Memory ordering on interpreter tags]).
 *
 * <p>Rule 3 lets a call return its interpreter's slot value or its own, as the interleaving has it,
 * so no sequential specification predicts the values. The operations return nothing; they check,
 * as they go and at the end, what every interleaving of the correct protocol keeps, and a broken
 * check throws an {@link AssertionError} that Lincheck reports with its interleaving. Each check
 * rests on one fact of the protocol: an interpreter claims at most one slot in its life and keeps
 * it until it is closed, so all that is ever seen in its slot is one value.
 *
 * <ul>
 *   <li><b>Isolation</b>: a call returns a value computed for its interpreter, never null; a slot
 *       owned by an interpreter holds a value computed for it.
 *   <li><b>Identity</b>: an interpreter owns at most one slot, and every value seen in it (by a
 *       look at the slots after each call, or returned by a call that did not compute it) is the
 *       same instance. A call that begins after that value was seen, with no {@code close(i)}
 *       begun when it ends, returns it. While nothing has been closed, a call returns what its
 *       interpreter's slot holds after the call, if anything (its own value only if it owns no
 *       slot: a bypass, which lasts while nothing is closed). An interpreter never closed still
 *       owns its slot at the end.
 *   <li><b>Release</b>: once {@code close(i)} has returned, and at the end, no slot holds {@code
 *       i}, a claim of {@code i} or a value computed for {@code i}; a call for {@code i} that
 *       begins after {@code close(i)} returned runs the slow accessor.
 * </ul>
 */
public abstract class SlotModel {
  private static final int INTERPRETERS = 3;
  private static final int OPEN = 0;
  private static final int CLOSING = 1;
  private static final int CLOSED = 2;

  private final PyInterpreter[] interpreters = new PyInterpreter[INTERPRETERS];
  private final ModelHost host;
  /** Per interpreter: the value seen in its slot, once seen. */
  private final AtomicReferenceArray<Computed> slotValue = new AtomicReferenceArray<>(INTERPRETERS);
  /** Per interpreter: OPEN until a {@code close(i)} begins, CLOSED once one has returned. */
  private final AtomicIntegerArray closing = new AtomicIntegerArray(INTERPRETERS);
  private volatile boolean anyCloseBegun;

  SlotModel(ModelHost.Factory hosts) {
    for (int i = 0; i < INTERPRETERS; i++) {
      interpreters[i] = newInterpreter(i);
    }
    host = hosts.create(new SlowAccessor());
  }

  /**
   * Returns a new interpreter named {@code i<index>} whose number is {@code index} modulo 12, so
   * that every instance of the model, and Lincheck's replay of an interleaving, sees the same
   * preferred slots ({@code hashCode()} modulo the slot count, 1 to 4): each interpreter prefers
   * slot {@code index} modulo the slot count. Numbers skipped are interpreters never used.
   */
  private static PyInterpreter newInterpreter(int index) {
    PyInterpreter interpreter = PyInterpreter.create("i" + index);
    while (indexOf(interpreter) != index) {
      interpreter = PyInterpreter.create("i" + index);
    }
    return interpreter;
  }

  private static int indexOf(PyInterpreter interpreter) {
    return interpreter.hashCode() % 12;
  }

  // Messages are built only when a check fails: a string built on every call would cost each
  // invocation of the model checker time, and add nothing to the interleavings.

  /** {@code get(i)}: calls the cached accessor for interpreter {@code i}; checks the result. */
  final void callAndCheck(int i) {
    PyInterpreter interpreter = interpreters[i];
    boolean closedBefore = closing.get(i) == CLOSED;
    Computed seenBefore = slotValue.get(i);
    Object call = SlowAccessor.beginCall();

    Computed got = host.value(interpreter);

    if (got == null || got.interpreter != interpreter) {
      throw new AssertionError(
          "Isolation: " + returned(interpreter, got) + ", not a value computed for it");
    }
    boolean own = got.call == call;
    if (!own) {
      sawInSlot(i, got, interpreter, got, null);
    }
    Slots slots = Slots.of(host.slotsHolder());
    Computed inSlot = look(slots, interpreter, got)[i];
    if (closedBefore && !own) {
      throw new AssertionError("Release: " + returned(interpreter, got)
          + " without running the slow accessor, though close(" + interpreter.name()
          + ") had returned before the call began");
    }
    if (seenBefore != null && got != seenBefore && closing.get(i) == OPEN) {
      throw new AssertionError("Identity: " + returned(interpreter, got) + ", but " + seenBefore
          + " was seen in its slot before the call began, and no close(" + interpreter.name()
          + ") has begun");
    }
    if ((inSlot != null || !own) && got != inSlot && !anyCloseBegun) {
      throw new AssertionError("Identity: " + returned(interpreter, got) + ", but its slot holds "
          + inSlot + " after the call (slots " + slots + "), and nothing has been closed");
    }
  }

  /** {@code close(i)}: closes interpreter {@code i}, checks the release. */
  final void closeAndCheck(int i) {
    closing.compareAndSet(i, OPEN, CLOSING);
    anyCloseBegun = true;
    interpreters[i].close();
    closing.set(i, CLOSED);
    assertReleased(i, Slots.of(host.slotsHolder()), true);
  }

  @Validate
  public void slotsAtTheEnd() {
    Slots slots = Slots.of(host.slotsHolder());
    Computed[] owned = look(slots, null, null);
    for (int i = 0; i < INTERPRETERS; i++) {
      if (closing.get(i) == CLOSED) {
        assertReleased(i, slots, false);
      } else if (slotValue.get(i) != null && owned[i] == null) {
        throw new AssertionError("Identity: " + interpreters[i].name() + "'s slot held "
            + slotValue.get(i) + ", but at the end it owns none (slots " + slots
            + "), and it was never closed");
      }
    }
  }

  /**
   * Checks what {@code slots}, read after {@code caller}'s call returned {@code got} (or at the
   * end: both null), show of each owner: one slot, holding a value computed for it, the one seen
   * before if any; returns each interpreter's value, or null where it owns no slot.
   */
  private Computed[] look(Slots slots, PyInterpreter caller, Computed got) {
    Computed[] owned = new Computed[INTERPRETERS];
    for (int slot = 0; slot < slots.count(); slot++) {
      if (!(slots.tag(slot) instanceof PyInterpreter)) {
        continue;
      }
      PyInterpreter owner = (PyInterpreter) slots.tag(slot);
      int i = indexOf(owner);
      Object value = slots.value(slot);
      if (!(value instanceof Computed) || ((Computed) value).interpreter != owner) {
        throw new AssertionError("Isolation: " + when(caller, got) + ", slot " + slot
            + " is owned by " + owner.name() + " but holds " + value + " (slots " + slots + ")");
      }
      if (owned[i] != null) {
        throw new AssertionError("Identity: " + when(caller, got) + ", " + owner.name()
            + " owns two slots (slots " + slots + ")");
      }
      owned[i] = (Computed) value;
      sawInSlot(i, owned[i], caller, got, slots);
    }
    return owned;
  }

  /**
   * Records that {@code value} was seen in interpreter {@code i}'s slot, always the same one: in
   * {@code slots} read after {@code caller}'s call returned {@code got}, or at the end (both null),
   * or, if {@code slots} is null, as what {@code caller}'s call returned without computing it.
   */
  private void sawInSlot(int i, Computed value, PyInterpreter caller, Computed got, Slots slots) {
    Computed first = slotValue.compareAndExchange(i, null, value);
    if (first != null && first != value) {
      throw new AssertionError("Identity: " + interpreters[i].name() + "'s slot held " + first
          + ", and then " + value + ": " + (slots == null
              ? returned(caller, got) + ", which another call computed"
              : when(caller, got) + ", slots " + slots));
    }
  }

  /** Checks that no slot holds {@code i}'s tag, claim or value. */
  private void assertReleased(int i, Slots slots, boolean afterClose) {
    PyInterpreter closed = interpreters[i];
    for (int slot = 0; slot < slots.count(); slot++) {
      Object value = slots.value(slot);
      if (slots.tag(slot) == closed
          || slots.claimant(slot) == closed
          || value instanceof Computed && ((Computed) value).interpreter == closed) {
        throw new AssertionError("Release: "
            + (afterClose ? "after close(" + closed.name() + ") returned" : "at the end")
            + ", slot " + slot + " still holds " + closed.name() + "'s tag, claim or value (slots "
            + slots + ")");
      }
    }
  }

  private static String returned(PyInterpreter caller, Computed got) {
    return "get(" + caller.name() + ") returned " + got;
  }

  private static String when(PyInterpreter caller, Computed got) {
    return caller == null ? "at the end" : "after " + returned(caller, got);
  }
}

package io.github.pyhandlecache.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import org.junit.jupiter.api.Test;

/**
 * Release against a racing claim (AccessorSlots, Note, point 4), with the race made deterministic:
 * the closer runs inside the claimant's window, between its check of {@code closed} and its CAS,
 * from a table whose {@code with} calls it. jcstress ({@code CloseDuringClaimStress}) runs the same
 * race on real threads, where this window is a few nanoseconds wide.
 */
class ReleaseRaceTest {
  private static final AccessorSlots SLOTS =
      AccessorSlots.of(MethodHandles.lookup(), "table", new HookedTable(), "Holder.op()");

  /** Runs once, inside the next {@link HookedTable#with}. */
  private static Runnable hook;

  @SuppressWarnings("unused") // written through SLOTS
  private HookedTable table;

  private final PyInterpreter other = PyInterpreter.create("other");
  private final PyInterpreter victim = PyInterpreter.create("victim");

  @Test
  void aClaimThatReadTheTableBeforeCloseCannotLandAfterIt() {
    SLOTS.claim(this, new HookedTable(other, "other's"), null); // the next claim copies a table
    hook = victim::close;

    SlotTable after = SLOTS.claim(this, new HookedTable(victim, "victim's"), null);

    assertTrue(victim.isClosed(), "the hook closed the victim inside the claim");
    assertEquals(-1, after.slotOf(victim));
    assertFalse(SLOTS.read(this).toString().contains("victim"), SLOTS.read(this).toString());
    assertEquals(0, SLOTS.read(this).slotOf(other), "the other interpreter keeps its slot");
  }

  @Test
  void aClaimThatLandedBeforeCloseIsReleased() {
    SLOTS.claim(this, new HookedTable(other, "other's"), null);
    hook = () -> {};
    SLOTS.claim(this, new HookedTable(victim, "victim's"), null);
    assertEquals(1, SLOTS.read(this).slotOf(victim));

    victim.close();

    assertEquals(-1, SLOTS.read(this).slotOf(victim));
    assertEquals(0, SLOTS.read(this).slotOf(other));
  }

  /** Two slots, whose {@code with} first runs {@link #hook}. */
  private static final class HookedTable extends SlotTable {
    final PyInterpreter tag0;
    final Object value0;
    final PyInterpreter tag1;
    final Object value1;

    HookedTable() {
      this(EMPTY, null);
    }

    HookedTable(PyInterpreter tag, Object value) {
      this(tag, value, EMPTY, null);
    }

    private HookedTable(PyInterpreter tag0, Object value0, PyInterpreter tag1, Object value1) {
      this.tag0 = tag0;
      this.value0 = value0;
      this.tag1 = tag1;
      this.value1 = value1;
    }

    @Override
    protected int slotCount() {
      return 2;
    }

    @Override
    protected PyInterpreter tag(int slot) {
      return slot == 0 ? tag0 : tag1;
    }

    @Override
    protected HookedTable with(int slot, SlotTable source) {
      Runnable run = hook;
      hook = null;
      if (run != null) {
        run.run();
      }
      HookedTable from = (HookedTable) source;
      return slot == 0
          ? new HookedTable(from.tag0, from.value0, tag1, value1)
          : new HookedTable(tag0, value0, from.tag0, from.value0);
    }
  }
}

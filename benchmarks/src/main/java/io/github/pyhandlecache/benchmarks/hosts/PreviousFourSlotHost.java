package io.github.pyhandlecache.benchmarks.hosts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The previous protocol (b193d66), four slots, as its processor generated it, by hand: a table
 * field, null until the first claim; a claim on a host with a table allocates two (its claim, then
 * the copy that it CASes in); see {@link PreviousProtocol}. Benchmarks only.
 */
public final class PreviousFourSlotHost {
  private static final VarHandle TABLE;
  private static final PreviousProtocol SLOTS;

  static {
    try {
      TABLE = MethodHandles.lookup()
          .findVarHandle(PreviousFourSlotHost.class, "table", FourSlotTable.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    SLOTS = new PreviousProtocol(TABLE, new FourSlotTable(PreviousProtocol.EMPTY, null));
  }

  final String name;
  @SuppressWarnings("unused") // through TABLE
  private FourSlotTable table;

  public PreviousFourSlotHost(String name) {
    this.name = name;
  }

  public Object value(PreviousProtocol.Interpreter interpreter) {
    FourSlotTable table = (FourSlotTable) TABLE.getAcquire(this);
    if (table != null) {
      if (table.tag0 == interpreter) {
        return table.value0;
      }
      if (table.tag1 == interpreter) {
        return table.value1;
      }
      if (table.tag2 == interpreter) {
        return table.value2;
      }
      if (table.tag3 == interpreter) {
        return table.value3;
      }
    }
    return valueMiss(interpreter);
  }

  private Object valueMiss(PreviousProtocol.Interpreter interpreter) {
    PreviousProtocol.beginMiss();
    Object computed = name; // the slow accessor
    PreviousProtocol.Table current = (PreviousProtocol.Table) TABLE.getAcquire(this);
    if (!SLOTS.isClaimable(current, interpreter)) {
      return computed;
    }
    FourSlotTable claim = new FourSlotTable(interpreter, computed);
    return SLOTS.claim(this, claim).valueOf(interpreter, computed);
  }

  /** b193d66's generated 4-slot table: final tags and values. */
  private static final class FourSlotTable extends PreviousProtocol.Table {
    final PreviousProtocol.Interpreter tag0;
    final Object value0;
    final PreviousProtocol.Interpreter tag1;
    final Object value1;
    final PreviousProtocol.Interpreter tag2;
    final Object value2;
    final PreviousProtocol.Interpreter tag3;
    final Object value3;

    /** Slot 0 claimed for {@code tag} with {@code value}, the others empty. */
    FourSlotTable(PreviousProtocol.Interpreter tag, Object value) {
      tag0 = tag;
      value0 = value;
      tag1 = PreviousProtocol.EMPTY;
      value1 = null;
      tag2 = PreviousProtocol.EMPTY;
      value2 = null;
      tag3 = PreviousProtocol.EMPTY;
      value3 = null;
    }

    /** {@code base} with slot {@code slot} taken from slot 0 of {@code source}. */
    private FourSlotTable(FourSlotTable base, int slot, FourSlotTable source) {
      tag0 = slot == 0 ? source.tag0 : base.tag0;
      value0 = slot == 0 ? source.value0 : base.value0;
      tag1 = slot == 1 ? source.tag0 : base.tag1;
      value1 = slot == 1 ? source.value0 : base.value1;
      tag2 = slot == 2 ? source.tag0 : base.tag2;
      value2 = slot == 2 ? source.value0 : base.value2;
      tag3 = slot == 3 ? source.tag0 : base.tag3;
      value3 = slot == 3 ? source.value0 : base.value3;
    }

    @Override
    int slotCount() {
      return 4;
    }

    @Override
    PreviousProtocol.Interpreter tag(int slot) {
      return switch (slot) {
        case 0 -> tag0;
        case 1 -> tag1;
        case 2 -> tag2;
        case 3 -> tag3;
        default -> throw new IndexOutOfBoundsException(slot);
      };
    }

    @Override
    FourSlotTable with(int slot, PreviousProtocol.Table source) {
      return new FourSlotTable(this, slot, (FourSlotTable) source);
    }

    @Override
    Object valueOf(PreviousProtocol.Interpreter interpreter, Object fallback) {
      if (tag0 == interpreter) {
        return value0;
      }
      if (tag1 == interpreter) {
        return value1;
      }
      if (tag2 == interpreter) {
        return value2;
      }
      if (tag3 == interpreter) {
        return value3;
      }
      return fallback;
    }
  }
}

package io.github.pyhandlecache.benchmarks.hosts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The previous protocol (b193d66), one slot, as its processor generated it, by hand: a table field,
 * null until the first claim; see {@link PreviousProtocol}. Benchmarks only.
 */
public final class PreviousOneSlotHost {
  private static final VarHandle TABLE;
  private static final PreviousProtocol SLOTS;

  static {
    try {
      TABLE = MethodHandles.lookup()
          .findVarHandle(PreviousOneSlotHost.class, "table", OneSlotTable.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    SLOTS = new PreviousProtocol(TABLE, new OneSlotTable(PreviousProtocol.EMPTY, null));
  }

  final String name;
  @SuppressWarnings("unused") // through TABLE
  private OneSlotTable table;

  public PreviousOneSlotHost(String name) {
    this.name = name;
  }

  public Object value(PreviousProtocol.Interpreter interpreter) {
    OneSlotTable table = (OneSlotTable) TABLE.getAcquire(this);
    if (table != null) {
      if (table.tag0 == interpreter) {
        return table.value0;
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
    OneSlotTable claim = new OneSlotTable(interpreter, computed);
    return SLOTS.claim(this, claim).valueOf(interpreter, computed);
  }

  /** b193d66's generated 1-slot table: a final tag and value. */
  private static final class OneSlotTable extends PreviousProtocol.Table {
    final PreviousProtocol.Interpreter tag0;
    final Object value0;

    OneSlotTable(PreviousProtocol.Interpreter tag, Object value) {
      tag0 = tag;
      value0 = value;
    }

    @Override
    int slotCount() {
      return 1;
    }

    @Override
    PreviousProtocol.Interpreter tag(int slot) {
      if (slot != 0) {
        throw new IndexOutOfBoundsException(slot);
      }
      return tag0;
    }

    @Override
    OneSlotTable with(int slot, PreviousProtocol.Table source) {
      OneSlotTable from = (OneSlotTable) source;
      return new OneSlotTable(slot == 0 ? from.tag0 : tag0, slot == 0 ? from.value0 : value0);
    }

    @Override
    Object valueOf(PreviousProtocol.Interpreter interpreter, Object fallback) {
      return tag0 == interpreter ? value0 : fallback;
    }
  }
}

package io.github.pyhandlecache.benchmarks.hosts;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.internal.MissEvents;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The previous protocol (commit b193d66) by hand, so that it is measured beside the current one in
 * the same run: its claim, what the claim allocates and what an interpreter keeps.
 * <strong>Benchmarks only.</strong>
 *
 * <p>A host has one field per accessor, null until the first claim. A claim builds an immutable
 * {@link Table} holding the claimant and its value in slot 0; on a host without a table it CASes
 * that in, else it CASes in a copy of the host's table with the claimant's slot taken from it (a
 * second table). Before its CASes it registers the host with the claimant: a {@link
 * Registration}, a {@code WeakReference} to the host that holds the accessor, appended to the
 * claimant's {@code ConcurrentLinkedQueue}, with a count that purges cleared registrations once it
 * doubles.
 *
 * <p>What is left out, because no benchmark here exercises it: {@code close()} and releasing, the
 * JFR events beyond the miss's {@code MissEvents.begin()} probes (which b193d66 made too), and the
 * bypass event. The tags are {@link Interpreter}s, each pairing a {@code PyInterpreter} with the
 * registrations b193d66 kept inside {@code PyInterpreter}.
 */
public final class PreviousProtocol {
  /** Claims that lose this many CASes in a row return their own value instead of claiming. */
  private static final int MAX_ATTEMPTS = 64;

  /** The tag of an empty slot: no caller holds it. */
  static final Interpreter EMPTY = new Interpreter(null);

  /** An instance field, as in b193d66's {@code AccessorSlots}: not a constant to the JIT. */
  private final VarHandle tables;

  private final Table empty;

  PreviousProtocol(VarHandle tables, Table empty) {
    this.tables = tables;
    this.empty = empty;
  }

  /** b193d66's {@code isClaimable}: false if the claimant is closed or every slot is another's. */
  boolean isClaimable(Table current, Interpreter claimant) {
    if (claimant == null || claimant.isClosed()) {
      return false;
    }
    return current == null || current.slotOf(claimant) >= 0 || reclaimableSlot(current) >= 0;
  }

  /**
   * b193d66's {@code claim}: registers {@code holder} with the claimant of {@code claim}'s slot 0,
   * then CASes in {@code claim}, or a copy of the holder's table with that slot, until one lands.
   */
  Table claim(Object holder, Table claim) {
    Interpreter claimant = claim.tag(0);
    Table current = read(holder);
    if (current != null && current.slotOf(claimant) >= 0) {
      return current;
    }
    claimant.register(holder, this);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      current = read(holder);
      if (current != null && current.slotOf(claimant) >= 0) {
        return current;
      }
      int slot = current == null ? 0 : reclaimableSlot(current);
      if (slot < 0) {
        return current;
      }
      if (claimant.isClosed()) {
        return current == null ? empty : current;
      }
      Table next = current == null ? claim : current.with(slot, claim);
      if (tables.compareAndSet(holder, current, next)) {
        return next;
      }
    }
    Table latest = read(holder);
    return latest == null ? empty : latest;
  }

  /** The miss's first step, as b193d66's generated code made it. */
  static MissEvents beginMiss() {
    return MissEvents.begin();
  }

  private Table read(Object holder) {
    return (Table) tables.getAcquire(holder);
  }

  private static int reclaimableSlot(Table table) {
    for (int slot = 0; slot < table.slotCount(); slot++) {
      Interpreter tag = table.tag(slot);
      if (tag == EMPTY || tag.isClosed()) {
        return slot;
      }
    }
    return -1;
  }

  /**
   * An interpreter of the previous protocol: the tag of the slots it owns, and the hosts it
   * registered (b193d66's {@code OwnedSlots}, which {@code PyInterpreter} held).
   */
  public static final class Interpreter {
    private static final VarHandle REGISTERED;
    private static final int FIRST_PURGE = 64;

    static {
      try {
        REGISTERED =
            MethodHandles.lookup().findVarHandle(Interpreter.class, "registered", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final PyInterpreter interpreter;
    private final ConcurrentLinkedQueue<Registration> registrations = new ConcurrentLinkedQueue<>();
    private volatile int registered;
    private volatile int purgeAt = FIRST_PURGE;

    public Interpreter(PyInterpreter interpreter) {
      this.interpreter = interpreter;
    }

    boolean isClosed() {
      return interpreter != null && interpreter.isClosed();
    }

    /** How many registrations are held, collected hosts' included. */
    public int registrations() {
      return registrations.size();
    }

    void register(Object holder, PreviousProtocol slots) {
      registrations.add(new Registration(holder, slots));
      if ((int) REGISTERED.getAndAdd(this, 1) + 1 >= purgeAt) {
        purgeCollected();
      }
    }

    private void purgeCollected() {
      registrations.removeIf(registration -> registration.refersTo(null));
      int live = registrations.size();
      registered = live;
      purgeAt = Math.max(FIRST_PURGE, 2 * live);
    }

    @Override
    public String toString() {
      return interpreter == null ? "empty" : interpreter.toString();
    }
  }

  /** A host, weakly, and the accessor whose slot of it an interpreter may own. */
  static final class Registration extends WeakReference<Object> {
    final PreviousProtocol slots;

    Registration(Object holder, PreviousProtocol slots) {
      super(holder);
      this.slots = slots;
    }
  }

  /** An immutable snapshot of one accessor's slots on one host: b193d66's {@code SlotTable}. */
  abstract static class Table {
    abstract int slotCount();

    abstract Interpreter tag(int slot);

    /** A new table equal to this one but for slot {@code slot}: slot 0 of {@code source}. */
    abstract Table with(int slot, Table source);

    /** The value of the slot {@code interpreter} owns, or {@code fallback}. */
    abstract Object valueOf(Interpreter interpreter, Object fallback);

    final int slotOf(Interpreter interpreter) {
      for (int slot = 0; slot < slotCount(); slot++) {
        if (tag(slot) == interpreter) {
          return slot;
        }
      }
      return -1;
    }
  }
}

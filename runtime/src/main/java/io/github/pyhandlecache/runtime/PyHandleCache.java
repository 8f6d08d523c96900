package io.github.pyhandlecache.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A per-interpreter cache of one value, as a plain object: what a {@code @PyHandleCached} accessor
 * does, for code that does not use the annotation processor. PyTorch's {@code c10::PyHandleCache},
 * made safe without a GIL.
 *
 * <pre>{@code
 * private final PyHandleCache<PyObject> pyObject = new PyHandleCache<>(4);
 *
 * PyObject pyObject(PyInterpreter interpreter) {
 *   return pyObject.getOr(interpreter, () -> wrapInPython(interpreter, this));
 * }
 * }</pre>
 *
 * <p>Thread-safe, with the semantics and guarantees of {@link #getOr}: a hit never waits, a miss
 * never waits for another thread, and a {@code Throwable} thrown anywhere leaves the cache usable.
 * The value should be a handle the caller could always produce again: the cache may be full of
 * other interpreters, and then the slow accessor runs on every call.
 *
 * @param <T> the type of the cached value
 */
public final class PyHandleCache<T> {
  private static final VarHandle TABLE;
  private static final AccessorSlots[] SLOTS_BY_COUNT = new AccessorSlots[AccessorSlots.MAX_SLOTS + 1];

  static {
    try {
      TABLE = MethodHandles.lookup().findVarHandle(PyHandleCache.class, "table", CacheTable.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    for (int slots = 1; slots <= AccessorSlots.MAX_SLOTS; slots++) {
      SLOTS_BY_COUNT[slots] = AccessorSlots.of(TABLE, CacheTable.empty(slots), "PyHandleCache");
    }
  }

  /** Replaced whole by {@link AccessorSlots}; see its Note [Memory ordering on interpreter tags]. */
  @SuppressWarnings("unused") // written through TABLE
  private CacheTable table;

  private final AccessorSlots slots;

  /** Creates a cache with one slot, like PyTorch's. */
  public PyHandleCache() {
    this(1);
  }

  /**
   * Creates a cache that up to {@code slots} interpreters can own a slot of at once.
   *
   * @param slots the number of slots
   * @throws IllegalArgumentException if {@code slots} is not between 1 and 16
   */
  public PyHandleCache(int slots) {
    if (slots < 1 || slots > AccessorSlots.MAX_SLOTS) {
      throw new IllegalArgumentException(
          "slots must be between 1 and " + AccessorSlots.MAX_SLOTS + ", got " + slots);
    }
    this.slots = SLOTS_BY_COUNT[slots];
    TABLE.setRelease(this, CacheTable.empty(slots));
  }

  /**
   * Returns the value cached for {@code self}, or computes it with {@code slowAccessor}:
   *
   * <ol>
   *   <li>{@code self} is null: returns {@code slowAccessor.get()} and caches nothing;
   *   <li>{@code self} owns a slot: returns its value without calling {@code slowAccessor};
   *   <li>otherwise calls {@code slowAccessor} once; if {@code self} is open, owns no slot, and a
   *       slot is empty or owned by a closed interpreter, claims it with the result. Returns the
   *       value of {@code self}'s slot if it owns one now (another thread may have claimed it first
   *       for {@code self}), else the result;
   *   <li>if {@code slowAccessor} throws, the exception propagates and no slot changes;
   *   <li>null results are cached like any other.
   * </ol>
   *
   * <p>Never returns a value computed for another interpreter. A hit takes no lock, allocates
   * nothing and writes nothing. Once {@code self.close()} has returned, this cache holds nothing of
   * {@code self}'s.
   *
   * @param self the calling interpreter, or null
   * @param slowAccessor computes the value on a miss
   * @return the value cached for {@code self}, or the one {@code slowAccessor} computed
   * @throws NullPointerException if {@code slowAccessor} is null
   */
  public T getOr(PyInterpreter self, Supplier<? extends T> slowAccessor) {
    Objects.requireNonNull(slowAccessor, "slowAccessor");
    // A hit: see AccessorSlots, Note [Memory ordering on interpreter tags].
    CacheTable table = (CacheTable) TABLE.getAcquire(this);
    if (table.tag0 == self) {
      return cast(table.value0);
    }
    Object value = table.restValueOf(self, table);
    return value != table ? cast(value) : getMiss(self, slowAccessor);
  }

  private T getMiss(PyInterpreter self, Supplier<? extends T> slowAccessor) {
    MissEvents events = slots.beginMiss();
    T computed = slowAccessor.get();
    if (!slots.isClaimable((CacheTable) TABLE.getAcquire(this), self, events)) {
      return computed;
    }
    CacheTable claim = CacheTable.claim(slots.slotCount(), self, computed);
    return cast(((CacheTable) slots.claim(this, claim, events)).valueOf(self, computed));
  }

  @SuppressWarnings("unchecked") // only getMiss puts values in, and only values of type T
  private static <T> T cast(Object value) {
    return (T) value;
  }

  @Override
  public String toString() {
    return "PyHandleCache" + TABLE.getAcquire(this);
  }
}

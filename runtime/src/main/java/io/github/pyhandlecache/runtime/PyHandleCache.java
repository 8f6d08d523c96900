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
 * <p>Thread-safe and lock-free, with the semantics and guarantees of {@link #getOr}. The value
 * should be a handle the caller could always produce again: the cache may be full of other
 * interpreters, and then the slow accessor runs on every call.
 *
 * @param <T> the type of the cached value
 */
public final class PyHandleCache<T> {
  /** Elements of every table; see {@link SlotTags} for the ordering of each access. */
  static final VarHandle TABLE = MethodHandles.arrayElementVarHandle(Object[].class);

  private static final int MAX_SLOTS = 16;
  private static final SlotTags[] TAGS_BY_SLOT_COUNT = new SlotTags[MAX_SLOTS + 1];

  static {
    for (int slots = 1; slots <= MAX_SLOTS; slots++) {
      TAGS_BY_SLOT_COUNT[slots] = SlotTags.ofArray(slots);
    }
  }

  /** Slot {@code k}'s tag at {@code 2k}, its value at {@code 2k + 1}. */
  private final Object[] table;

  private final SlotTags tags;

  /** Creates a cache with one slot, like PyTorch's. */
  public PyHandleCache() {
    this(1);
  }

  /**
   * Creates a cache that up to {@code slots} interpreters can own a slot of at once.
   *
   * @throws IllegalArgumentException if {@code slots} is not between 1 and 16
   */
  public PyHandleCache(int slots) {
    if (slots < 1 || slots > MAX_SLOTS) {
      throw new IllegalArgumentException("slots must be between 1 and 16, got " + slots);
    }
    this.table = new Object[2 * slots];
    this.tags = TAGS_BY_SLOT_COUNT[slots];
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
   * nothing and writes nothing.
   *
   * @throws NullPointerException if {@code slowAccessor} is null
   */
  public T getOr(PyInterpreter self, Supplier<? extends T> slowAccessor) {
    Objects.requireNonNull(slowAccessor, "slowAccessor");
    if (self != null) {
      Object[] table = this.table;
      for (int tag = 0; tag < table.length; tag += 2) {
        // Hit: see SlotTags, Note [Memory ordering on interpreter tags].
        if (TABLE.getAcquire(table, tag) == self) {
          Object value = TABLE.getOpaque(table, tag + 1);
          VarHandle.acquireFence();
          if (TABLE.getOpaque(table, tag) == self) {
            return cast(value);
          }
        }
      }
    }
    return getMiss(self, slowAccessor);
  }

  private T getMiss(PyInterpreter self, Supplier<? extends T> slowAccessor) {
    T computed = slowAccessor.get();
    int slot = tags.claim(table, self);
    if (slot != SlotTags.NO_SLOT) {
      TABLE.setRelease(table, 2 * slot + 1, computed);
      tags.publish(table, slot, self);
      return computed;
    }
    int owned = tags.slotOwnedBy(table, self);
    if (owned != SlotTags.NO_SLOT) {
      Object value = TABLE.getOpaque(table, 2 * owned + 1);
      if (tags.isStillOwnedBy(table, owned, self)) {
        return cast(value);
      }
    }
    return computed;
  }

  @SuppressWarnings("unchecked") // only getMiss writes values, and only values of type T
  private static <T> T cast(Object value) {
    return (T) value;
  }

  @Override
  public String toString() {
    StringBuilder owners = new StringBuilder("PyHandleCache[");
    for (int slot = 0; slot < table.length / 2; slot++) {
      owners.append(slot == 0 ? "" : ", ").append(tags.tagAcquire(table, slot));
    }
    return owners.append(']').toString();
  }
}

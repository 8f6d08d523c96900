package io.github.pyhandlecache.runtime;

import java.lang.invoke.VarHandle;

/**
 * The tags of one cached accessor's slots on an object, and the lock-free protocol that claims
 * them. <strong>Support for generated code and {@link PyHandleCache}; not an API.</strong> Its
 * signatures may change in any release, together with the processor that calls them.
 *
 * <p>A slot is a tag and a value. The tag is null (empty), the owning {@link PyInterpreter}, or the
 * claim marker of an interpreter one of whose threads is filling the slot. Only the thread that
 * installed a marker replaces it, and it runs no user code meanwhile.
 *
 * <h2>Note [Memory ordering on interpreter tags]</h2>
 *
 * <p>Every other comment about ordering in this project, generated code included, points here.
 *
 * <p><b>Hit</b> (written out in generated code so that it inlines; {@link PyHandleCache#getOr} does
 * the same): {@code tag.getAcquire() == I}, then {@code value.getOpaque()}, then {@link
 * VarHandle#acquireFence()}, then {@code tag.getOpaque() == I} again; only then is the value
 * returned.
 *
 * <p><b>Claim</b> ({@link #claim}, then the caller, then {@link #publish}): CAS the tag from empty or
 * closed to the claimant's marker; check the claimant is still open and owns no other slot; write the
 * value with {@code setRelease}; write the tag {@code I} with {@code setRelease}. A claim that fails
 * its checks puts the old tag back with {@code setRelease} and writes no value.
 *
 * <ol>
 *   <li><b>Publication.</b> The value is written before the release store of tag {@code I}; a hit
 *       reads the tag {@code I} with acquire, so it sees that value or a later one, never the
 *       default one. (PyTorch's seed writes the tag first and relies on the GIL here.)
 *   <li><b>Isolation, the reclamation hazard.</b> A thread of {@code I} reads tag {@code I}; {@code
 *       I} is closed; another interpreter reclaims the slot and writes its value; the first thread
 *       reads that value. Every value write follows, in its thread, a CAS of the tag to a marker, and
 *       is a release store. If the opaque value load reads it, the acquire fence after that load
 *       synchronizes with it, so the CAS happens-before the second tag load, which therefore reads
 *       the marker or a later tag, not the {@code I} of before. The value is dropped.
 *   <li><b>No ABA.</b> Could the second load read a <em>later</em> {@code I}? Only if {@code I}
 *       claimed the slot again after losing it. A slot is only taken from {@code I} by a thread that
 *       saw {@code I} closed; every tag write is a CAS or a release store by the thread of the CAS
 *       just before it in the tag's modification order, so that reclaim happens-before any later
 *       claim's post-CAS check of {@code isClosed()}, which then sees {@code I} closed and gives the
 *       slot back. So {@code I} owns a slot in one unbroken run of tag writes at most, and a hit's
 *       two equal tag loads with a value load between them see that run's value. This is why the
 *       closed check comes <em>after</em> the CAS.
 *   <li><b>One slot per interpreter; identity.</b> A claimant holding slot {@code k} looks at every
 *       other slot: its own interpreter there means another thread won (give {@code k} back and use
 *       that slot); its own interpreter's marker at a lower index means give {@code k} back and
 *       look again; at a higher index, wait for that claimant to finish. Waits only go to higher
 *       indices, so they end. Racing threads of one interpreter thus return one canonical value.
 *   <li><b>Progress.</b> Waits are spins on a marker, whose holder only checks tags and writes one
 *       value it has already computed. Readers never wait. A hit writes nothing.
 * </ol>
 */
public abstract sealed class SlotTags permits SlotTags.FieldTags, SlotTags.ArrayTags {
  /** Returned by {@link #claim} when the caller may not write any slot. */
  public static final int NO_SLOT = -1;

  private final int slotCount;

  SlotTags(int slotCount) {
    this.slotCount = slotCount;
  }

  /**
   * Returns the tags of a generated class's slots of one accessor, slot {@code k}'s tag being the
   * {@link PyInterpreter} field of {@code tagFields[k]}.
   *
   * @throws IllegalArgumentException if there are not 1 to 16 handles, or one does not access a
   *     {@code PyInterpreter} field of an instance
   */
  public static SlotTags ofFields(VarHandle... tagFields) {
    return new FieldTags(tagFields.clone());
  }

  /** Returns the tags of an {@code Object[]} that keeps slot {@code k}'s tag at index {@code 2k}. */
  static SlotTags ofArray(int slotCount) {
    return new ArrayTags(slotCount);
  }

  /**
   * Tries to claim a slot of {@code holder} for {@code claimant}. On success returns its index: the
   * caller then writes the value with {@code setRelease}, runs no user code, and calls {@link
   * #publish}. Returns {@link #NO_SLOT} if the claimant is null or closed, already owns a slot (the
   * caller should then {@linkplain #slotOwnedBy read it}), or finds none empty or owned by a closed
   * interpreter.
   */
  public final int claim(Object holder, PyInterpreter claimant) {
    if (claimant == null || claimant.isClosed()) {
      return NO_SLOT;
    }
    PyInterpreter marker = claimant.claimMarker;
    while (true) {
      int free = NO_SLOT;
      PyInterpreter freeTag = null;
      for (int slot = 0; slot < slotCount; slot++) {
        PyInterpreter tag = awaitUnmarked(holder, slot, marker);
        if (tag == claimant) {
          return NO_SLOT;
        }
        if (free == NO_SLOT && isReclaimable(tag)) {
          free = slot;
          freeTag = tag;
        }
      }
      if (free == NO_SLOT) {
        return NO_SLOT;
      }
      if (!compareAndSetTag(holder, free, freeTag, marker)) {
        continue; // another claim got there first: look again
      }
      // Closed check after the CAS: see "No ABA" above.
      if (claimant.isClosed()) {
        setTagRelease(holder, free, freeTag);
        return NO_SLOT;
      }
      switch (otherClaimOf(holder, free, claimant)) {
        case NONE:
          return free;
        case OWNED:
          setTagRelease(holder, free, freeTag);
          return NO_SLOT;
        case LOWER_MARKER:
          setTagRelease(holder, free, freeTag);
          continue; // the next scan waits for the lower claim to finish
        default:
          throw new AssertionError();
      }
    }
  }

  /**
   * Makes {@code claimant} the owner of a slot that {@link #claim} returned, after the caller has
   * written its value with {@code setRelease}.
   */
  public final void publish(Object holder, int slot, PyInterpreter claimant) {
    setTagRelease(holder, slot, claimant);
  }

  /**
   * Returns the index of the slot {@code interpreter} owns, or {@link #NO_SLOT}. The tag is read with
   * acquire: the caller reads the value with {@code getOpaque}, then must confirm with {@link
   * #isStillOwnedBy} before using it.
   */
  public final int slotOwnedBy(Object holder, PyInterpreter interpreter) {
    if (interpreter == null) {
      return NO_SLOT;
    }
    for (int slot = 0; slot < slotCount; slot++) {
      if (tagAcquire(holder, slot) == interpreter) {
        return slot;
      }
    }
    return NO_SLOT;
  }

  /**
   * After the caller has read a slot's value, confirms that {@code interpreter} still owns it: an
   * acquire fence, then the tag again. A value read before a {@code false} answer must be dropped.
   */
  public final boolean isStillOwnedBy(Object holder, int slot, PyInterpreter interpreter) {
    VarHandle.acquireFence();
    return tagOpaque(holder, slot) == interpreter;
  }

  private enum OtherClaim { NONE, OWNED, LOWER_MARKER }

  /** While holding {@code held}, looks for another slot that {@code claimant} owns or is claiming. */
  private OtherClaim otherClaimOf(Object holder, int held, PyInterpreter claimant) {
    PyInterpreter marker = claimant.claimMarker;
    for (int slot = 0; slot < slotCount; slot++) {
      if (slot == held) {
        continue;
      }
      PyInterpreter tag =
          slot > held ? awaitUnmarked(holder, slot, marker) : tagAcquire(holder, slot);
      if (tag == claimant) {
        return OtherClaim.OWNED;
      }
      if (tag == marker) {
        return OtherClaim.LOWER_MARKER;
      }
    }
    return OtherClaim.NONE;
  }

  /** Reads a slot's tag, spinning while another thread of the same interpreter holds it. */
  private PyInterpreter awaitUnmarked(Object holder, int slot, PyInterpreter marker) {
    PyInterpreter tag;
    while ((tag = tagAcquire(holder, slot)) == marker) {
      Thread.onSpinWait();
    }
    return tag;
  }

  private static boolean isReclaimable(PyInterpreter tag) {
    return tag == null || tag.isClosed(); // markers are never closed
  }

  abstract PyInterpreter tagAcquire(Object holder, int slot);

  abstract PyInterpreter tagOpaque(Object holder, int slot);

  abstract boolean compareAndSetTag(
      Object holder, int slot, PyInterpreter expected, PyInterpreter next);

  abstract void setTagRelease(Object holder, int slot, PyInterpreter tag);

  /** Tags in fields of a generated class, one VarHandle per slot. */
  static final class FieldTags extends SlotTags {
    private final VarHandle[] tags;

    FieldTags(VarHandle[] tags) {
      super(tags.length);
      if (tags.length < 1 || tags.length > 16) {
        throw new IllegalArgumentException("slots must be between 1 and 16, got " + tags.length);
      }
      for (VarHandle tag : tags) {
        if (tag.varType() != PyInterpreter.class || tag.coordinateTypes().size() != 1) {
          throw new IllegalArgumentException("not a PyInterpreter instance field: " + tag);
        }
      }
      this.tags = tags;
    }

    @Override
    PyInterpreter tagAcquire(Object holder, int slot) {
      return (PyInterpreter) tags[slot].getAcquire(holder);
    }

    @Override
    PyInterpreter tagOpaque(Object holder, int slot) {
      return (PyInterpreter) tags[slot].getOpaque(holder);
    }

    @Override
    boolean compareAndSetTag(Object holder, int slot, PyInterpreter expected, PyInterpreter next) {
      return tags[slot].compareAndSet(holder, expected, next);
    }

    @Override
    void setTagRelease(Object holder, int slot, PyInterpreter tag) {
      tags[slot].setRelease(holder, tag);
    }
  }

  /** Tags in an {@code Object[]} of {@link PyHandleCache}: slot {@code k}'s tag at index {@code 2k}. */
  static final class ArrayTags extends SlotTags {
    ArrayTags(int slotCount) {
      super(slotCount);
    }

    @Override
    PyInterpreter tagAcquire(Object holder, int slot) {
      return (PyInterpreter) PyHandleCache.TABLE.getAcquire((Object[]) holder, 2 * slot);
    }

    @Override
    PyInterpreter tagOpaque(Object holder, int slot) {
      return (PyInterpreter) PyHandleCache.TABLE.getOpaque((Object[]) holder, 2 * slot);
    }

    @Override
    boolean compareAndSetTag(Object holder, int slot, PyInterpreter expected, PyInterpreter next) {
      return PyHandleCache.TABLE.compareAndSet((Object[]) holder, 2 * slot, expected, next);
    }

    @Override
    void setTagRelease(Object holder, int slot, PyInterpreter tag) {
      PyHandleCache.TABLE.setRelease((Object[]) holder, 2 * slot, tag);
    }
  }
}

package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * An interpreter's claim of a slot with the value its slow accessor returned: the slot's tag while
 * pending, carrying the value so that any thread can complete it ({@link AccessorSlots}). A
 * primitive travels as the bits of a {@code long} and lands in a typed slot: nothing is boxed.
 * Tags compare by identity: two claims are never the same tag, whatever they carry.
 */
public record Claim(PyInterpreter claimant, Object reference, long bits) {
  @Override
  public String toString() {
    return "claim of " + claimant;
  }
}

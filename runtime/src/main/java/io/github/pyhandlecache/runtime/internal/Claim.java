package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * An interpreter's claim of a slot, with the value its slow accessor returned: the tag of a slot
 * while the claim is pending. <strong>Support for generated code and {@code PyHandleCache}; not an
 * API.</strong> It carries the value so that any thread can complete it ({@link AccessorSlots},
 * Note, point 5). Primitive values travel as bits and land in typed slots: nothing is boxed.
 */
public final class Claim {
  private final PyInterpreter claimant;
  private final Object reference;
  private final long bits;

  private Claim(PyInterpreter claimant, Object reference, long bits) {
    this.claimant = claimant;
    this.reference = reference;
    this.bits = bits;
  }

  /**
   * Returns a claim of a reference value.
   *
   * @param claimant the interpreter the value was computed for
   * @param value the value
   * @return the claim
   */
  public static Claim of(PyInterpreter claimant, Object value) {
    return new Claim(claimant, value, 0);
  }

  /**
   * Returns a claim of a {@code long}, {@code int}, {@code short}, {@code char} or {@code byte}.
   *
   * @param claimant the interpreter the value was computed for
   * @param value the value
   * @return the claim
   */
  public static Claim of(PyInterpreter claimant, long value) {
    return new Claim(claimant, null, value);
  }

  /**
   * Returns a claim of a {@code double} or {@code float}.
   *
   * @param claimant the interpreter the value was computed for
   * @param value the value
   * @return the claim
   */
  public static Claim of(PyInterpreter claimant, double value) {
    return new Claim(claimant, null, Double.doubleToRawLongBits(value));
  }

  /**
   * Returns a claim of a {@code boolean}.
   *
   * @param claimant the interpreter the value was computed for
   * @param value the value
   * @return the claim
   */
  public static Claim of(PyInterpreter claimant, boolean value) {
    return new Claim(claimant, null, value ? 1 : 0);
  }

  /**
   * Returns the reference value.
   *
   * @return the value of a claim made with {@link #of(PyInterpreter, Object)}
   */
  public Object reference() {
    return reference;
  }

  /**
   * Returns the integral value.
   *
   * @return the value of a claim made with {@link #of(PyInterpreter, long)}
   */
  public long longValue() {
    return bits;
  }

  /**
   * Returns the floating-point value.
   *
   * @return the value of a claim made with {@link #of(PyInterpreter, double)}
   */
  public double doubleValue() {
    return Double.longBitsToDouble(bits);
  }

  /**
   * Returns the {@code boolean} value.
   *
   * @return the value of a claim made with {@link #of(PyInterpreter, boolean)}
   */
  public boolean booleanValue() {
    return bits != 0;
  }

  PyInterpreter claimant() {
    return claimant;
  }

  @Override
  public String toString() {
    return "claim of " + claimant;
  }
}

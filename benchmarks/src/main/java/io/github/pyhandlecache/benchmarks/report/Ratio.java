package io.github.pyhandlecache.benchmarks.report;

/**
 * A ratio of two measurements and its error, from their relative errors added in quadrature.
 */
public record Ratio(double value, double error) {
  public static Ratio of(double a, double aError, double b, double bError) {
    double value = a / b;
    return new Ratio(value, value * Math.hypot(aError / a, bError / b));
  }

  public static Ratio of(Amount a, Amount b) {
    return of(a.value(), a.error(), b.value(), b.error());
  }

  /** Met only if the whole interval is at or under {@code limit}. */
  public Verdict atMost(double limit) {
    return Verdict.atMost(value, error, limit);
  }

  /** Met only if the whole interval is at or over {@code limit}. */
  public Verdict atLeast(double limit) {
    if (value - error >= limit) {
      return Verdict.MET;
    }
    return value + error < limit ? Verdict.NOT_MET : Verdict.WITHIN_ERROR;
  }

  /** Met unless the whole interval is over {@code limit}: "no slower, within the error". */
  public Verdict notShownAbove(double limit) {
    return Verdict.of(value - error <= limit);
  }

  /** Met if the interval holds 1: "the same, within the error". */
  public Verdict sameWithinError() {
    return Verdict.of(value - error <= 1 && value + error >= 1);
  }

  @Override
  public String toString() {
    return String.format("%.2fx ± %.2f", value, error);
  }

  /** Whether a target is met, with the error taken into account. */
  public enum Verdict {
    MET("met"),
    NOT_MET("**not met**"),
    WITHIN_ERROR("not shown: the limit is within the error");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    public static Verdict of(boolean met) {
      return met ? MET : NOT_MET;
    }

    /**
     * "Within a limit": met only if the whole interval {@code value ± error} is at or under {@code
     * limit}, not met if the whole interval is over it. An unknown error (NaN) decides nothing.
     */
    public static Verdict atMost(double value, double error, double limit) {
      if (value + error <= limit) {
        return MET;
      }
      return value - error > limit ? NOT_MET : WITHIN_ERROR;
    }

    public Verdict and(Verdict other) {
      return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}

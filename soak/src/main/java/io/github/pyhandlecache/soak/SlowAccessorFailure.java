package io.github.pyhandlecache.soak;

/**
 * What a slow accessor throws now and then: the call must end with this very instance, without a
 * cause or anything suppressed added (rule 4). No stack trace: the soak throws many.
 */
final class SlowAccessorFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SlowAccessorFailure(String message) {
    super(message, null, true, false);
  }
}

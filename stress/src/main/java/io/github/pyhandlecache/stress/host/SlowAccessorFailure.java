package io.github.pyhandlecache.stress.host;

/** Thrown by a slow accessor on the thread a test chose, so the test can see it arrive unchanged. */
public final class SlowAccessorFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SlowAccessorFailure() {
    super("slow accessor failed, as the test asked", null, false, false);
  }
}

package io.github.pyhandlecache.soak;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One sequence that orders, across threads, the end of each slow accessor run and each time the
 * checker learns an interpreter's slot value: a slow accessor that drew a later ticket than such a
 * lesson read the host's slot table after it (see {@link Checker}).
 */
final class Tickets {
  private static final AtomicLong LAST = new AtomicLong();

  private Tickets() {}

  static long next() {
    return LAST.incrementAndGet();
  }
}

package io.github.pyhandlecache.soak;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The host objects every thread calls: the first {@link #PERMANENT} for the whole run, the others
 * dropped and replaced all the time, so that registrations of collected hosts must be purged. Half
 * the calls go to a window of {@link #FOCUS} hosts that moves every few milliseconds, so that
 * threads meet on the same slots while they are claimed, a quarter to the permanent hosts.
 */
final class Hosts {
  static final int COUNT = 256;
  static final int PERMANENT = 32;
  static final int FOCUS = 8;
  /** Hosts set aside: called once, or struck by a fault, then only searched by Release checks. */
  static final int ASIDE = 512;

  private final AtomicReferenceArray<Host> hosts = new AtomicReferenceArray<>(COUNT);
  private final AtomicReferenceArray<Host> aside = new AtomicReferenceArray<>(ASIDE);
  private final AtomicInteger setAside = new AtomicInteger();
  private volatile int focus;

  Hosts() {
    for (int i = 0; i < COUNT; i++) {
      hosts.set(i, Host.create());
    }
  }

  Host pick(SplittableRandom random) {
    int dice = random.nextInt(4);
    if (dice < 2) {
      return hosts.get((focus + random.nextInt(FOCUS)) % COUNT);
    } else if (dice == 2) {
      return hosts.get(random.nextInt(PERMANENT));
    }
    return hosts.get(random.nextInt(COUNT));
  }

  /** Moves the window of hosts that half the calls go to. */
  void moveFocus(SplittableRandom random) {
    focus = random.nextInt(COUNT);
  }

  /** Drops a random host that is not permanent and puts {@code host} in its place. */
  void replace(SplittableRandom random, Host host) {
    hosts.set(PERMANENT + random.nextInt(COUNT - PERMANENT), host);
  }

  /**
   * Keeps {@code host} among the last {@link #ASIDE} hosts set aside: a new host that one call
   * claimed a slot of, or that a StackOverflowError struck inside the cache. Nobody calls them
   * again, so whatever a race or a fault left in their slots stays there for the Release checks.
   */
  void setAside(Host host) {
    aside.set(setAside.getAndIncrement() % ASIDE, host);
  }

  /** Every host the soak keeps: the shared ones and those set aside. */
  void forEach(Consumer<Host> action) {
    for (int i = 0; i < COUNT; i++) {
      action.accept(hosts.get(i));
    }
    for (int i = 0; i < ASIDE; i++) {
      Host host = aside.get(i);
      if (host != null) {
        action.accept(host);
      }
    }
  }
}

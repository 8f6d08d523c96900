package io.github.pyhandlecache.soak;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drops a host and puts a new one in its place every millisecond or so, and every 1 to 40 ms closes
 * an interpreter that is not long-lived, the newest half the time, and creates its replacement. Once faults are on, one
 * close in four is made at the bottom of the stack, where a StackOverflowError may strike it
 * midway; then it is made again, as {@code close()} says. After each close has returned, every
 * host the soak keeps is searched for anything of a closed interpreter in its slots (Release).
 */
final class Churn implements Runnable, Watchdog.Watched {
  private static final int DIVE_FRAMES = 24;

  private final Soak soak;
  private final SplittableRandom random;
  private final Throwable[] overflows = new Throwable[DIVE_FRAMES];
  private volatile long busySince;
  private boolean closedAtDepth;

  Churn(Soak soak, long seed) {
    this.soak = soak;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public long busySince() {
    return busySince;
  }

  @Override
  public void run() {
    soak.watchdog.watch(this);
    try {
      long nextClose = System.nanoTime();
      while (soak.running()) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        soak.hosts.replace(random, Host.create());
        soak.figures.hostsReplaced.increment();
        if (random.nextInt(8) == 0) {
          soak.hosts.moveFocus(random);
        }
        if (System.nanoTime() - nextClose >= 0) {
          closeOne();
          nextClose = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(1, 40));
        }
      }
    } catch (Throwable unexpected) {
      soak.checker.violation("faults: the churn thread ended with " + unexpected);
      unexpected.printStackTrace();
    } finally {
      soak.watchdog.forget(this);
    }
  }

  private void closeOne() {
    // Half the time the newest, whose claims are in flight on many hosts: close must stop them.
    int position = random.nextBoolean() && soak.interpreters.newest() >= Interpreters.LONG_LIVED
        ? soak.interpreters.newest()
        : Interpreters.LONG_LIVED + random.nextInt(Interpreters.POOL - Interpreters.LONG_LIVED);
    PyInterpreter closing = soak.interpreters.at(position);
    if (soak.faultsOn() && random.nextInt(4) == 0) {
      closeAtDepth(closing);
    }
    long start = System.nanoTime();
    busySince = start;
    closing.close(); // finishes a release that an overflow cut short; else returns at once
    long took = System.nanoTime() - start;
    busySince = 0;
    soak.figures.longestCloseNanos.accumulate(took);
    soak.figures.closes.increment();
    checkReleased(closing);
    soak.interpreters.replace(position, closing);
  }

  private void closeAtDepth(PyInterpreter closing) {
    soak.figures.closesAtDepth.increment();
    closedAtDepth = false;
    busySince = System.nanoTime();
    StackDive.run(random.nextInt(8), DIVE_FRAMES, distance -> {
      if (!closedAtDepth) {
        try {
          closing.close();
          closedAtDepth = true;
        } catch (StackOverflowError struck) {
          overflows[distance] = struck;
        }
      }
    });
    busySince = 0;
    long inRuntime = soak.figures.overflowsInRuntime.sum();
    for (int i = 0; i < DIVE_FRAMES; i++) {
      if (overflows[i] != null) {
        soak.figures.overflow(overflows[i]);
        overflows[i] = null;
      }
    }
    if (soak.figures.overflowsInRuntime.sum() != inRuntime) {
      soak.figures.closesStruck.increment(); // inside close(), not just on calling it
    }
  }

  /**
   * Release: once close() has returned, no slot of any host the soak keeps holds anything of it. The
   * churn is the only thread that closes, so by now every closed interpreter's close() has
   * returned: nothing of any of them may be left, also what a racing claim left after the search
   * that followed its own close.
   */
  private void checkReleased(PyInterpreter closed) {
    String[] found = new String[1];
    soak.hosts.forEach(host -> {
      String left = found[0] == null ? SlotInspector.closedLeftIn(host) : null;
      if (left != null) {
        found[0] = host + " holds " + left;
      }
    });
    if (found[0] != null) {
      soak.checker.violation("release: after " + closed + ".close() returned, " + found[0]);
    }
  }
}

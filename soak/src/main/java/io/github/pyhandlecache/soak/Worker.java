package io.github.pyhandlecache.soak;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A soak thread's calls: batches of calls of random accessors on random hosts, each batch for a
 * random interpreter of the pool, explicit forms with it as the argument, implicit ones inside a
 * scope of it (now and then in a nested scope of another one, or with none entered); one call in
 * 64 is on a new host, which is then set aside. Every call is checked as it returns. Now and then a dive: calls at the bottom of the stack, where a
 * StackOverflowError strikes them at random points, then the checks, then a check that each
 * interpreter struck inside the cache caches again on this thread.
 *
 * <p>On a thread of an interpreter's {@code threadFactory()}, that interpreter is current outside
 * every scope, and implicit calls without a scope are for it.
 */
final class Worker implements Runnable, Watchdog.Watched {
  /** Calls of a dive: one in each of the lowest frames of the stack. */
  private static final int DIVE_CALLS = 48;
  /** Hosts of a dive that a StackOverflowError struck inside the cache, given to every thread. */
  private static final int PUBLISHED_PER_DIVE = 8;

  private final Soak soak;
  private final SplittableRandom random;
  private final SlowAccessor.Caller caller;
  /** The interpreter current outside every scope, and its pool position: none, -1, or the factory's. */
  private final PyInterpreter base;
  private final int basePosition;
  /** How many batches to run before the thread ends; -1 for the whole soak. */
  private final int batches;
  private final long diveEveryNanos;

  private final Call call = new Call();
  private final Call[] diveCalls = new Call[DIVE_CALLS];
  private final boolean[] diveAttempted = new boolean[DIVE_CALLS];
  private final boolean[] diveHostIsNew = new boolean[DIVE_CALLS];
  private volatile long busySince;

  private Worker(Soak soak, long seed, PyInterpreter base, int basePosition, int batches,
      long diveEveryNanos) {
    this.soak = soak;
    this.random = new SplittableRandom(seed);
    this.caller = new SlowAccessor.Caller(random, soak.figures);
    this.base = base;
    this.basePosition = basePosition;
    this.batches = batches;
    this.diveEveryNanos = diveEveryNanos;
    for (int i = 0; i < DIVE_CALLS; i++) {
      diveCalls[i] = new Call();
    }
  }

  /** For a plain thread with a small stack, for the whole soak; it dives every 100 ms or so. */
  static Worker plain(Soak soak, long seed) {
    return new Worker(soak, seed, null, -1, -1, TimeUnit.MILLISECONDS.toNanos(100));
  }

  /** For a thread of the factory of the interpreter at {@code position}, for a few batches. */
  static Worker ofFactory(Soak soak, long seed, PyInterpreter interpreter, int position) {
    SplittableRandom dice = new SplittableRandom(seed);
    return new Worker(soak, dice.nextLong(), interpreter, position, 50 + dice.nextInt(500),
        TimeUnit.MILLISECONDS.toNanos(dice.nextInt(50, 1000)));
  }

  @Override
  public long busySince() {
    return busySince;
  }

  @Override
  public void run() {
    soak.watchdog.watch(this);
    SlowAccessor.attach(caller);
    try {
      long nextDive = System.nanoTime() + random.nextLong(diveEveryNanos);
      for (int batch = 0; soak.running() && batch != batches; batch++) {
        if (soak.faultsOn() && System.nanoTime() - nextDive >= 0) {
          dive();
          nextDive = System.nanoTime() + diveEveryNanos / 2 + random.nextLong(diveEveryNanos);
        } else {
          batch();
        }
      }
    } catch (Throwable unexpected) {
      soak.checker.violation("faults: " + Thread.currentThread().getName() + " ended with "
          + unexpected);
      unexpected.printStackTrace();
    } finally {
      SlowAccessor.detach();
      soak.watchdog.forget(this);
      call.clear();
      for (Call forgotten : diveCalls) {
        forgotten.clear();
      }
    }
  }

  private void batch() {
    int position = soak.interpreters.pickPosition(random);
    PyInterpreter interpreter = soak.interpreters.at(position);
    PyInterpreter ambient = base; // what implicit calls get outside the batch's scope
    int ambientPosition = basePosition;
    PyInterpreter.Scope scope = null;
    if (random.nextInt(8) != 0) {
      try {
        scope = interpreter.enter();
        ambient = interpreter;
        ambientPosition = position;
      } catch (IllegalStateException closed) {
        soak.figures.enterRefused.increment();
      }
    }
    try {
      for (int calls = 1 + random.nextInt(128); calls > 0 && soak.running(); calls--) {
        Host host = soak.hosts.pick(random);
        Accessor accessor = Accessor.pick(random);
        if (random.nextInt(64) == 0) {
          host = Host.create(); // one claim, racing a close maybe, then only searched
          soak.hosts.setAside(host);
        }
        if (!accessor.implicit) {
          boolean none = random.nextInt(256) == 0;
          call(host, accessor, none ? -1 : position, none ? null : interpreter);
        } else if (random.nextInt(8) == 0) {
          callInNestedScope(host, accessor);
        } else {
          call(host, accessor, ambientPosition, ambient);
        }
      }
    } finally {
      if (scope != null) {
        scope.close();
      }
    }
  }

  private void callInNestedScope(Host host, Accessor accessor) {
    int position = soak.interpreters.pickPosition(random);
    PyInterpreter interpreter = soak.interpreters.at(position);
    PyInterpreter.Scope scope;
    try {
      scope = interpreter.enter();
    } catch (IllegalStateException closed) {
      soak.figures.enterRefused.increment();
      return;
    }
    try {
      call(host, accessor, position, interpreter);
    } finally {
      scope.close();
    }
  }

  /** Makes one call, timed, and checks it; an implicit accessor's interpreter must be current. */
  private void call(Host host, Accessor accessor, int position, PyInterpreter interpreter) {
    Call call = this.call.prepare(host, accessor, position, interpreter);
    if (accessor.implicit && PyInterpreter.current() != interpreter) {
      soak.checker.violation("faults: the current interpreter of "
          + Thread.currentThread().getName() + " is " + PyInterpreter.current() + ", not "
          + interpreter);
      return;
    }
    caller.call = call;
    call.releasedBefore = interpreter != null && soak.interpreters.at(position) != interpreter;
    long start = System.nanoTime();
    busySince = start;
    try {
      call.value = accessor.call(host, interpreter);
      call.returned = true;
    } catch (Throwable thrown) {
      call.thrown = thrown;
    }
    long took = System.nanoTime() - start;
    busySince = 0;
    caller.call = null;
    soak.figures.longestCallNanos.accumulate(took);
    call.closedAfter = interpreter != null && interpreter.isClosed();
    soak.checker.check(call, false);
  }

  /**
   * Calls near the bottom of the stack, half on new hosts (whose misses claim), half on shared
   * ones, then checks them back at a shallow depth: closes the scopes a fault left open, checks
   * the current interpreter, each call, and that the interpreters struck inside the cache cache
   * again on this thread; then gives some of the struck new hosts to every thread, and sets the
   * others aside for the Release checks.
   */
  private void dive() {
    soak.figures.dives.increment();
    for (int i = 0; i < DIVE_CALLS; i++) {
      diveHostIsNew[i] = random.nextBoolean();
      Host host = diveHostIsNew[i] ? Host.create() : soak.hosts.pick(random);
      int position = soak.interpreters.pickPosition(random);
      PyInterpreter interpreter = soak.interpreters.at(position);
      diveCalls[i].prepare(host, Accessor.pick(random), position, interpreter);
      diveAttempted[i] = false;
    }
    long start = System.nanoTime();
    busySince = start;
    StackDive.run(random.nextInt(8), DIVE_CALLS, this::diveCall);
    long took = System.nanoTime() - start;
    busySince = 0;
    caller.call = null;
    soak.figures.longestDiveNanos.accumulate(took);

    for (int i = DIVE_CALLS - 1; i >= 0; i--) { // the innermost scope is the last call's
      if (diveCalls[i].scope != null) {
        soak.figures.scopesLeftOpen.increment();
        diveCalls[i].scope.close();
      }
    }
    if (PyInterpreter.current() != base) {
      soak.checker.violation("faults: after a dive, the current interpreter of "
          + Thread.currentThread().getName() + " is " + PyInterpreter.current() + ", not " + base);
    }
    Map<PyInterpreter, Integer> struck = new LinkedHashMap<>();
    int published = 0;
    for (int i = 0; i < DIVE_CALLS; i++) {
      Call dived = diveCalls[i];
      if (!diveAttempted[i]) {
        continue;
      }
      soak.figures.diveCalls.increment();
      dived.closedAfter = dived.interpreter.isClosed();
      long inCache = soak.figures.overflowsInCache();
      soak.checker.check(dived, true);
      if (soak.figures.overflowsInCache() != inCache) {
        struck.put(dived.interpreter, dived.position);
        if (diveHostIsNew[i] && published++ < PUBLISHED_PER_DIVE) {
          soak.hosts.replace(random, dived.host);
        } else if (diveHostIsNew[i]) {
          soak.hosts.setAside(dived.host);
        }
      }
    }
    for (Call dived : diveCalls) {
      dived.clear();
    }
    struck.forEach(this::checkCachesAgain);
  }

  /** One call of a dive, at {@code distance} frames from the bottom: only stores, after the calls. */
  private void diveCall(int distance) {
    Call dived = diveCalls[distance];
    diveAttempted[distance] = true;
    caller.call = dived;
    try {
      if (dived.accessor.implicit) {
        PyInterpreter.Scope scope = dived.interpreter.enter();
        dived.scope = scope;
        dived.value = dived.accessor.call(dived.host, dived.interpreter);
        dived.returned = true;
        scope.close();
        dived.scope = null;
      } else {
        dived.value = dived.accessor.call(dived.host, dived.interpreter);
        dived.returned = true;
      }
    } catch (Throwable thrown) {
      dived.thrown = thrown;
    }
  }

  /**
   * Faults: an interpreter whose call a StackOverflowError struck inside the cache caches again
   * from its next miss on the faulting thread: on a new host, a second call of each accessor hits.
   */
  private void checkCachesAgain(PyInterpreter interpreter, int position) {
    soak.figures.probes.increment();
    for (Accessor accessor : Accessor.values()) {
      PyInterpreter.Scope scope = null;
      if (accessor.implicit) {
        try {
          scope = interpreter.enter();
        } catch (IllegalStateException closed) {
          return;
        }
      }
      try {
        Host host = Host.create();
        call(host, accessor, position, interpreter);
        boolean claimed = call.returned && call.slowRuns == 1 && !call.closedAfter;
        call(host, accessor, position, interpreter);
        if (claimed && call.returned && call.slowRuns > 0 && !call.closedAfter) {
          soak.checker.violation("faults: after a StackOverflowError struck a call of "
              + interpreter + " inside the cache, it does not cache again on "
              + Thread.currentThread().getName() + ": a second call of " + accessor
              + " on a new host ran the slow accessor");
        }
      } finally {
        if (scope != null) {
          scope.close();
        }
      }
    }
  }
}

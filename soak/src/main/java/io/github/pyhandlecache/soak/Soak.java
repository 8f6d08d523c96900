package io.github.pyhandlecache.soak;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A soak run of the whole runtime (README.md): worker threads call the six accessors of shared
 * hosts for a pool of interpreters, a churn thread drops hosts and closes interpreters, faults are
 * injected, and every call is checked; at the end, the figures and the verdict.
 */
final class Soak {
  static final int PLAIN_WORKERS = 5;
  static final int FACTORY_WORKERS = 2;
  /** The stack of the plain workers and of the churn thread: small, so that dives are short. */
  static final long SMALL_STACK = 256 * 1024;
  static final long CALL_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
  /** The soak stops early once it has seen this many violations. */
  private static final int ENOUGH_VIOLATIONS = 100;
  private static final long MIB = 1024 * 1024;
  /** How soon the registrations of collected hosts must be purged: they take about 3 s. */
  static final Duration PURGED_WITHIN = Duration.ofSeconds(15);

  final Figures figures = new Figures();
  final Checker checker = new Checker(figures);
  final Hosts hosts = new Hosts();
  final Interpreters interpreters = new Interpreters();
  final Watchdog watchdog = new Watchdog(this, CALL_LIMIT_NANOS);
  private final SplittableRandom seeds = new SplittableRandom();
  private final PrintStream out;
  private volatile boolean running = true;
  private volatile boolean faultsOn;
  private volatile String stoppedEarly;

  private Soak(PrintStream out) {
    this.out = out;
  }

  /** What a run found: its violations (the first ones in full), its counts, and its report. */
  record Result(int violations, List<String> firstViolations, Figures counts, String report) {}

  /** What the soak measures now and then: heap after GC, registrations of the long-lived. */
  private record Sample(long nanoTime, long heapBytes, SlotInspector.Registered[] registered) {}

  /**
   * Runs the soak for {@code duration}, printing progress to {@code out}; with {@code events},
   * counts the runtime's JFR events too.
   */
  static Result run(Duration duration, boolean events, PrintStream out) throws InterruptedException {
    return new Soak(out).runFor(duration, events);
  }

  boolean running() {
    return running;
  }

  /** Whether faults are injected: after the warm-up, so that no class is first loaded in a dive. */
  boolean faultsOn() {
    return faultsOn;
  }

  void abort(String reason) {
    stoppedEarly = reason;
    running = false;
  }

  private Result runFor(Duration duration, boolean withEvents) throws InterruptedException {
    long started = System.nanoTime();
    CacheEvents events = withEvents ? new CacheEvents() : null;
    List<Thread> threads = new ArrayList<>();
    threads.add(start(new Thread(watchdog, "soak-watchdog")));
    threads.add(start(new Thread(null, new Churn(this, seeds.nextLong()), "soak-churn", SMALL_STACK)));
    for (int i = 0; i < PLAIN_WORKERS; i++) {
      Worker worker = Worker.plain(this, seeds.nextLong());
      threads.add(start(new Thread(null, worker, "soak-worker-" + i, SMALL_STACK)));
    }
    long spawnerSeed = seeds.nextLong();
    threads.add(start(new Thread(() -> spawnFactoryWorkers(spawnerSeed), "soak-spawner")));

    long warmUp = Math.min(TimeUnit.SECONDS.toNanos(5), duration.toNanos() / 6);
    sleepUntil(started + warmUp);
    faultsOn = true;
    List<Sample> samples = new ArrayList<>();
    samples.add(sample());
    long interval = Math.min(TimeUnit.SECONDS.toNanos(30), duration.toNanos() / 12);
    long end = started + duration.toNanos();
    while (running && System.nanoTime() - end < 0) {
      sleepUntil(Math.min(System.nanoTime() + interval, end));
      Sample now = sample();
      samples.add(now);
      out.printf("%5d s: %,d calls, %d violations, heap after GC %.1f MiB, registrations of the"
          + " long-lived %s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
          figures.calls.sum(), checker.violations(), (double) now.heapBytes() / MIB,
          List.of(now.registered()));
      if (checker.violations() >= ENOUGH_VIOLATIONS) {
        abort(ENOUGH_VIOLATIONS + " violations");
      }
    }
    running = false;
    long stopped = System.nanoTime();
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
      if (thread.isAlive() && stoppedEarly == null) {
        checker.violation("progress: " + thread.getName() + " did not stop within 30 s");
      }
    }
    threads.clear();
    if (events != null) {
      events.close();
    }
    long ran = System.nanoTime() - started;

    samples.add(sample());
    checker.forgetClosed(hosts);
    int stillReachable = closedStillReachable();
    checkFlat(samples, stopped, stillReachable);
    String report = report(ran, events, samples, stillReachable);
    return new Result(checker.violations(), checker.keptViolations(), figures, report);
  }

  /** Keeps {@link #FACTORY_WORKERS} threads of random interpreters' factories at work. */
  private void spawnFactoryWorkers(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Thread[] factoryThreads = new Thread[FACTORY_WORKERS];
    try {
      while (running) {
        for (int i = 0; i < FACTORY_WORKERS; i++) {
          if (factoryThreads[i] == null || !factoryThreads[i].isAlive()) {
            int position = interpreters.pickPosition(random);
            PyInterpreter interpreter = interpreters.at(position);
            Worker worker = Worker.ofFactory(this, random.nextLong(), interpreter, position);
            factoryThreads[i] = start(interpreter.threadFactory().newThread(worker));
            figures.factoryThreads.increment();
          }
        }
        Thread.sleep(5);
      }
      for (Thread thread : factoryThreads) {
        if (thread != null) {
          thread.join(TimeUnit.SECONDS.toMillis(30));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Release and Nothing kept behind, over time. The registrations of collected hosts are purged
   * (as new ones are added): those that a long-lived interpreter held at a sample {@link
   * #PURGED_WITHIN} or more before the calls stopped are all gone at the end. The registrations (which swing with the collector's timing, as
   * references are cleared only when it runs) and the heap after GC stay flat: their largest
   * sample in the second half of the run is at most twice, plus two chunks (2,048), and 1.5 times,
   * plus 16 MiB, the largest in the first half. No closed interpreter stays reachable once the soak
   * forgot it (the values cached for it refer to it).
   */
  private void checkFlat(List<Sample> samples, long stopped, int stillReachable) {
    Sample last = samples.get(samples.size() - 1);
    List<Sample> firstHalf = firstHalf(samples);
    List<Sample> secondHalf = secondHalf(samples);
    for (int i = 0; i < Interpreters.LONG_LIVED; i++) {
      for (Sample earlier : samples) {
        int stillHeld = last.registered()[i].stillHeld(earlier.registered()[i]);
        if (stopped - earlier.nanoTime() >= PURGED_WITHIN.toNanos() && stillHeld > 0) {
          checker.violation(String.format("release: long-lived-%d still holds %,d of the %,d"
              + " registrations of collected hosts that it held %d s before the calls stopped",
              i, stillHeld, earlier.registered()[i].ofCollected().size(),
              TimeUnit.NANOSECONDS.toSeconds(stopped - earlier.nanoTime())));
          break;
        }
      }
      long early = mostRegistrations(firstHalf, i);
      long late = mostRegistrations(secondHalf, i);
      if (late > 2 * early + 2048) {
        checker.violation(String.format("release: the registrations of long-lived-%d grew from"
            + " at most %,d in the first half of the run to %,d in the second", i, early, late));
      }
    }
    long early = mostHeap(firstHalf);
    long late = mostHeap(secondHalf);
    if (late > early + early / 2 + 16 * MIB) {
      checker.violation(String.format("release: heap after GC grew from at most %.1f MiB in the"
          + " first half of the run to %.1f MiB in the second", (double) early / MIB,
          (double) late / MIB));
    }
    if (stillReachable > 0) {
      checker.violation("release: " + stillReachable + " closed interpreters are still reachable"
          + " once the soak forgot them");
    }
  }

  private static List<Sample> firstHalf(List<Sample> samples) {
    return samples.subList(0, Math.max(1, samples.size() / 2));
  }

  private static List<Sample> secondHalf(List<Sample> samples) {
    return samples.subList(firstHalf(samples).size(), samples.size());
  }

  private static long mostRegistrations(List<Sample> samples, int longLived) {
    long most = 0;
    for (Sample sample : samples) {
      most = Math.max(most, sample.registered()[longLived].size());
    }
    return most;
  }

  private static long mostHeap(List<Sample> samples) {
    long most = 0;
    for (Sample sample : samples) {
      most = Math.max(most, sample.heapBytes());
    }
    return most;
  }

  private int closedStillReachable() throws InterruptedException {
    int stillReachable = interpreters.closedStillReachable();
    for (int attempt = 0; attempt < 10 && stillReachable > 0; attempt++) {
      System.gc();
      Thread.sleep(100); // the reference handler enqueues what the collector cleared
      stillReachable = interpreters.closedStillReachable();
    }
    return stillReachable;
  }

  private Sample sample() {
    System.gc();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    SlotInspector.Registered[] registered = new SlotInspector.Registered[Interpreters.LONG_LIVED];
    for (int i = 0; i < Interpreters.LONG_LIVED; i++) {
      registered[i] = SlotInspector.registered(interpreters.at(i));
    }
    return new Sample(System.nanoTime(), heap, registered);
  }

  private String report(long ranNanos, CacheEvents events, List<Sample> samples,
      int stillReachable) {
    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    List<Sample> firstHalf = firstHalf(samples);
    List<Sample> secondHalf = secondHalf(samples);
    Figures f = figures;
    StringBuilder report = new StringBuilder();
    line(report, "soak", String.format("%d s%s; %d plain threads (256 KiB stacks) and %d of"
        + " interpreters' thread factories at a time (%,d in all); %d hosts (%d permanent),"
        + " %d interpreters (%d long-lived)", TimeUnit.NANOSECONDS.toSeconds(ranNanos),
        stoppedEarly == null ? "" : ", stopped early: " + stoppedEarly, PLAIN_WORKERS,
        FACTORY_WORKERS, f.factoryThreads.sum(), Hosts.COUNT, Hosts.PERMANENT,
        Interpreters.POOL, Interpreters.LONG_LIVED));
    line(report, "calls", String.format("%,d", f.calls.sum()));
    line(report, "  hits", String.format("%,d (the slow accessor did not run)", f.hits.sum()));
    line(report, "  another call's claim", String.format("%,d (the slow accessor ran, and"
        + " another thread's claim for the same interpreter was returned)", f.othersClaims.sum()));
    line(report, "  own value", String.format("%,d (claims, reclaims, bypasses, closed or no"
        + " interpreter), of which %,d with no interpreter and %,d on a closed one",
        f.ownValues.sum(), f.noInterpreter.sum(), f.onClosedInterpreter.sum()));
    if (events != null) {
      line(report, "JFR events", String.format("%,d claims, %,d reclaims, %,d bypasses, %,d with"
          + " no interpreter; %,d releases of %,d slots", events.claims.sum(),
          events.reclaims.sum(), events.bypasses.sum(), events.noInterpreter.sum(),
          events.releases.sum(), events.released.sum())
          + (events.bytesLost.sum() == 0 ? "" : String.format("; JFR dropped %,d bytes of"
              + " events under load", events.bytesLost.sum())));
      if (f.overflowsInJfr.sum() > 0) {
        line(report, "", String.format("lower bounds: %,d StackOverflowErrors struck JFR's writing"
            + " of an event, after which JFR loses events", f.overflowsInJfr.sum()));
      }
    }
    line(report, "closes", String.format("%,d (%,d first made at a random stack depth, %,d of"
        + " them struck inside the runtime by StackOverflowError); %,d interpreters created",
        f.closes.sum(), f.closesAtDepth.sum(), f.closesStruck.sum(), interpreters.created()));
    line(report, "hosts replaced", String.format("%,d", f.hostsReplaced.sum()));
    line(report, "enter() refused", String.format("%,d (the interpreter was closed)",
        f.enterRefused.sum()));
    line(report, "exceptions thrown", String.format("%,d by slow accessors, %,d propagated"
        + " unchanged (the others were cut short by a StackOverflowError)",
        f.failuresThrown.sum(), f.failuresPropagated.sum()));
    line(report, "StackOverflowErrors", String.format("%,d caught in %,d dives (%,d calls) and"
        + " closes: %,d inside the runtime, %,d inside generated code, %,d in slow accessors"
        + " called by the cache, %,d in the soak's own code; %,d struck a scope's close(),"
        + " %,d scopes left open and closed again", f.overflows.sum(), f.dives.sum(),
        f.diveCalls.sum(), f.overflowsInRuntime.sum(), f.overflowsInGenerated.sum(),
        f.overflowsInSlowAccessor.sum(), f.overflowsOutside.sum(),
        f.overflowsLeavingScope.sum(), f.scopesLeftOpen.sum()));
    line(report, "  methods struck", f.pointsStruck().size() + ": " + f.pointsStruck());
    line(report, "  caches again", String.format("%,d checks that an interpreter struck inside"
        + " the cache caches again on the faulting thread", f.probes.sum()));
    line(report, "heap after GC", String.format("%.1f MiB after the warm-up, %.1f MiB at the end;"
        + " at most %.1f MiB in the first half, %.1f MiB in the second",
        (double) first.heapBytes() / MIB, (double) last.heapBytes() / MIB,
        (double) mostHeap(firstHalf) / MIB, (double) mostHeap(secondHalf) / MIB));
    for (int i = 0; i < Interpreters.LONG_LIVED; i++) {
      line(report, i == 0 ? "registrations" : "", String.format("long-lived-%d: %,d after the"
          + " warm-up, %s at the end; at most %,d in the first half of %d samples, %,d in the"
          + " second", i, first.registered()[i].size(), last.registered()[i],
          mostRegistrations(firstHalf, i), samples.size(), mostRegistrations(secondHalf, i)));
    }
    line(report, "closed interpreters", String.format("%,d still reachable at the end, of %,d",
        stillReachable, f.closes.sum()));
    line(report, "longest call", String.format("%.1f ms (limit %d s); longest dive %.1f ms;"
        + " longest close() %.1f ms", f.longestCallNanos.get() / 1e6,
        TimeUnit.NANOSECONDS.toSeconds(CALL_LIMIT_NANOS), f.longestDiveNanos.get() / 1e6,
        f.longestCloseNanos.get() / 1e6));
    line(report, "violations", String.valueOf(checker.violations()));
    return report.toString();
  }

  private static void line(StringBuilder report, String label, String figures) {
    report.append(String.format("%-22s %s%n", label, figures));
  }

  private static Thread start(Thread thread) {
    thread.setDaemon(true); // a thread stuck in a broken protocol must not keep the JVM up
    thread.start();
    return thread;
  }

  private void sleepUntil(long deadline) throws InterruptedException {
    for (long left; running && (left = deadline - System.nanoTime()) > 0; ) {
      Thread.sleep(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
    }
  }
}

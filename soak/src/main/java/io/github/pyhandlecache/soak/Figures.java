package io.github.pyhandlecache.soak;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** What the soak counts, from every thread. */
final class Figures {
  final LongAdder calls = new LongAdder();
  /** Calls whose slow accessor did not run: a hit (or a slot found by the miss method). */
  final LongAdder hits = new LongAdder();
  /** Calls whose slow accessor ran, and that returned another call's claim for their interpreter. */
  final LongAdder othersClaims = new LongAdder();
  /** Calls that returned what their slow accessor computed: a claim, reclaim, bypass or none. */
  final LongAdder ownValues = new LongAdder();
  final LongAdder noInterpreter = new LongAdder();
  final LongAdder onClosedInterpreter = new LongAdder();
  final LongAdder enterRefused = new LongAdder();

  final LongAdder failuresThrown = new LongAdder();
  final LongAdder failuresPropagated = new LongAdder();
  final LongAdder dives = new LongAdder();
  final LongAdder diveCalls = new LongAdder();
  final LongAdder overflows = new LongAdder();
  final LongAdder overflowsInRuntime = new LongAdder();
  final LongAdder overflowsInGenerated = new LongAdder();
  final LongAdder overflowsInSlowAccessor = new LongAdder();
  final LongAdder overflowsOutside = new LongAdder();
  final LongAdder overflowsLeavingScope = new LongAdder();
  /** Overflows that struck JFR's writing of an event: JFR loses events after them. */
  final LongAdder overflowsInJfr = new LongAdder();
  final LongAdder scopesLeftOpen = new LongAdder();
  final LongAdder probes = new LongAdder();
  private final Set<String> pointsStruck = ConcurrentHashMap.newKeySet();

  final LongAdder closes = new LongAdder();
  final LongAdder closesAtDepth = new LongAdder();
  final LongAdder closesStruck = new LongAdder();
  final LongAdder hostsReplaced = new LongAdder();
  final LongAdder factoryThreads = new LongAdder();

  final LongAccumulator longestCallNanos = new LongAccumulator(Math::max, 0);
  final LongAccumulator longestDiveNanos = new LongAccumulator(Math::max, 0);
  final LongAccumulator longestCloseNanos = new LongAccumulator(Math::max, 0);

  /**
   * Counts a StackOverflowError by where it struck: the innermost frame outside the JDK is the
   * runtime's, a generated class's, the slow accessor's (user code that the cache called), or the
   * soak's own before the cache was entered.
   */
  void overflow(Throwable overflow) {
    overflows.increment();
    StackTraceElement[] trace = overflow.getStackTrace();
    int first = 0;
    boolean inJfr = false;
    while (first < trace.length && isJdk(trace[first].getClassName())) {
      inJfr |= trace[first].getClassName().startsWith("jdk.jfr.");
      first++;
    }
    if (inJfr || first < trace.length && isEvent(trace[first].getClassName())) {
      overflowsInJfr.increment(); // in JFR's code, or in what JFR wrote into an event class
    }
    if (first == trace.length) {
      overflowsOutside.increment(); // no frame of ours: a trace cut short
      return;
    }
    String where = trace[first].getClassName();
    if (isRuntime(where)) {
      overflowsInRuntime.increment();
      pointsStruck.add(simpleName(where) + "." + trace[first].getMethodName());
    } else if (isGenerated(where)) {
      overflowsInGenerated.increment();
      pointsStruck.add(simpleName(where) + "." + trace[first].getMethodName());
    } else if (calledByCache(trace, first)) {
      overflowsInSlowAccessor.increment();
    } else {
      overflowsOutside.increment();
    }
  }

  void overflowLeavingScope(Throwable overflow) {
    overflowsLeavingScope.increment();
    overflow(overflow);
  }

  long overflowsInCache() {
    return overflowsInRuntime.sum() + overflowsInGenerated.sum();
  }

  /** The methods of the runtime and of generated code that a StackOverflowError struck. */
  Set<String> pointsStruck() {
    return new TreeSet<>(pointsStruck);
  }

  private static boolean calledByCache(StackTraceElement[] trace, int from) {
    for (int frame = from; frame < trace.length; frame++) {
      String name = trace[frame].getClassName();
      if (isRuntime(name) || isGenerated(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEvent(String className) {
    try {
      return jdk.jfr.Event.class.isAssignableFrom(
          Class.forName(className, false, Figures.class.getClassLoader()));
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static boolean isJdk(String className) {
    return className.startsWith("java.") || className.startsWith("jdk.")
        || className.startsWith("sun.");
  }

  private static boolean isRuntime(String className) {
    return className.startsWith("io.github.pyhandlecache.runtime.");
  }

  private static boolean isGenerated(String className) {
    return simpleName(className).startsWith("PyHandleCached_");
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}

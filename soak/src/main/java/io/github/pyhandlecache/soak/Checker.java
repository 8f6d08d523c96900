package io.github.pyhandlecache.soak;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks each call against the call rules and guarantees of the README, and keeps the violations.
 *
 * <p><b>Isolation</b>: a returned value was computed for the call's interpreter (for none, if it
 * had none), by the same host and accessor.
 *
 * <p><b>Identity</b>: a call that returned a value without running the slow accessor, or another
 * value than the one its slow accessor computed, returned its interpreter's slot value. The checker
 * learns it, per host, accessor and interpreter, with a {@link Tickets ticket} drawn after the call
 * returned. From then on, as long as the interpreter is open, every call that returns a slot value
 * must return that instance, and so must every call whose slow accessor drew a later ticket: that
 * call read the host's table after the lesson, and every table since holds the same value for an
 * open owner (rule 3: it returns its interpreter's slot value if it owns one).
 *
 * <p><b>Rules 1, 3 and 4, Release</b>: with no interpreter, or one whose close() returned before
 * the call, the slow accessor runs and its value is returned; the slow accessor runs at most once; its exception
 * propagates as the very instance it threw.
 */
final class Checker {
  /** Violations kept in full; later ones are only counted. */
  private static final int KEPT = 20;

  private final Figures figures;
  private final List<String> kept = new ArrayList<>();
  private final AtomicInteger violations = new AtomicInteger();

  Checker(Figures figures) {
    this.figures = figures;
  }

  /** What the checker learned: {@code value} is its interpreter's slot value, since {@code ticket}. */
  record Learned(Value value, long ticket) {}

  /** Checks a call that ended; {@code inDive} if a StackOverflowError may have struck it. */
  void check(Call call, boolean inDive) {
    figures.calls.increment();
    if (call.slowRuns > 1) {
      violation("rule 3: the slow accessor ran " + call.slowRuns + " times in one call: " + call);
    }
    if (!call.returned) {
      checkThrown(call, inDive);
    } else if (call.thrown instanceof StackOverflowError && inDive) {
      figures.overflowLeavingScope(call.thrown); // returned, then struck while leaving its scope
      checkReturned(call);
    } else {
      checkReturned(call);
    }
  }

  private void checkThrown(Call call, boolean inDive) {
    Throwable thrown = call.thrown;
    if (thrown instanceof SlowAccessorFailure) {
      if (thrown != call.failure || thrown.getCause() != null || thrown.getSuppressed().length > 0) {
        violation("rule 4: " + call + " threw " + describe(thrown)
            + ", not the slow accessor's exception unchanged: " + call.failure);
      } else {
        figures.failuresPropagated.increment();
      }
    } else if (thrown instanceof StackOverflowError && inDive) {
      figures.overflow(thrown);
    } else if (thrown instanceof IllegalStateException
        && call.interpreter != null && call.interpreter.isClosed()
        && String.valueOf(thrown.getMessage()).startsWith("cannot enter closed interpreter")) {
      figures.enterRefused.increment(); // the call's enter(), on an interpreter closed meanwhile
    } else {
      violation("faults: " + call + " threw " + describe(thrown));
    }
  }

  private void checkReturned(Call call) {
    Value value = call.value;
    PyInterpreter interpreter = call.interpreter;
    boolean ran = call.slowRuns > 0;
    boolean own = ran && value == call.computed;
    if (!ran) {
      figures.hits.increment();
    } else if (own) {
      figures.ownValues.increment();
    } else {
      figures.othersClaims.increment();
    }
    if (value == null) {
      violation("isolation: " + call + " returned null, which no slow accessor returns");
      return;
    }
    if (value.host != call.host.id || value.accessor != call.accessor) {
      violation("isolation: " + call + " returned " + value + ", not a value of that host and accessor");
      return;
    }
    if (value.interpreter != interpreter) {
      violation("isolation: " + call + " returned " + value + ", computed for another interpreter");
      return;
    }
    if (interpreter == null) {
      figures.noInterpreter.increment();
      if (!own) {
        violation("rule 1: " + call + " returned " + value + " without computing it");
      }
      return;
    }
    if (call.releasedBefore) {
      figures.onClosedInterpreter.increment();
      if (!own) {
        violation("release: " + call + ", whose close() had returned before the call, returned"
            + " cached " + value);
      }
      return;
    }
    if (!call.closedAfter) {
      checkIdentity(call, value, !own);
    }
  }

  private void checkIdentity(Call call, Value value, boolean slotValue) {
    int cell = call.accessor.ordinal() * Interpreters.POOL + call.position;
    Learned learned = call.host.learned.get(cell);
    boolean known = learned != null && learned.value().interpreter == call.interpreter;
    if (slotValue) {
      if (known && learned.value() != value) {
        violation("identity: " + call + " returned " + value + " from a slot, but the slot value"
            + " of that interpreter was " + learned.value());
      } else if (!known) {
        Learned lesson = new Learned(value, Tickets.next());
        Learned witness = call.host.learned.compareAndExchange(cell, learned, lesson);
        if (witness != learned && witness != null
            && witness.value().interpreter == call.interpreter && witness.value() != value) {
          violation("identity: " + call + " returned " + value + " from a slot, but another call"
              + " returned " + witness.value() + " from its slot");
        }
      }
    } else if (known && learned.value() != value && call.computed.ticket > learned.ticket()) {
      violation("identity: " + call + " returned its own " + value + ", computed after "
          + learned.value() + " was returned as that interpreter's slot value");
    }
  }

  /** Forgets what it learned about closed interpreters, so that they can be collected. */
  void forgetClosed(Hosts hosts) {
    hosts.forEach(host -> {
      for (int cell = 0; cell < host.learned.length(); cell++) {
        Learned learned = host.learned.get(cell);
        if (learned != null && learned.value().interpreter.isClosed()) {
          host.learned.set(cell, null);
        }
      }
    });
  }

  void violation(String message) {
    violations.incrementAndGet();
    synchronized (kept) {
      if (kept.size() < KEPT) {
        kept.add(message);
        System.err.println("VIOLATION " + message);
      }
    }
  }

  int violations() {
    return violations.get();
  }

  List<String> keptViolations() {
    synchronized (kept) {
      return List.copyOf(kept);
    }
  }

  private static String describe(Throwable thrown) {
    StackTraceElement[] trace = thrown.getStackTrace();
    return thrown + (trace.length == 0 ? "" : " at " + trace[0]);
  }
}

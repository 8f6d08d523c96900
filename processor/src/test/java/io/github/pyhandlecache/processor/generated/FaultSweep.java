package io.github.pyhandlecache.processor.generated;

import io.github.pyhandlecache.runtime.PyHandleCache;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault-injection sweep of {@link FaultInjectionTest}, run in its own JVM: a thread recurses
 * until {@code StackOverflowError}, then on the way back up calls a cached accessor on a fresh
 * object at every depth, so that the error strikes every point of a miss (and, for the implicit
 * form, of entering and leaving a scope). Then it checks the README's "Faults" guarantee: every
 * object answers other threads within a bound, isolation and identity hold, and the faulting
 * interpreter caches again, on the faulting thread and on others.
 *
 * <p>Usage: {@code FaultSweep explicit|implicit|getOr}. Exits 0 and prints a summary if every
 * check passed; otherwise prints what failed and exits 1 (a check failed) or 2 (a call hung).
 */
final class FaultSweep {
  private static final int OBJECTS = 8_000;
  private static final int OFFSETS = 5;
  private static final int WARM_UP = 30_000;
  private static final long BOUND_SECONDS = 10;

  /** One way to call a cached accessor: {@code call(i, interpreter)} on the i-th object. */
  private interface Form {
    Handle call(int object, PyInterpreter interpreter);

    int slowCalls(int object);
  }

  private final Form form;
  private final PyInterpreter faulty = PyInterpreter.create("faulty");
  private final AtomicInteger faults = new AtomicInteger();
  /** The errors caught, kept as they are: looking into one at the edge of the stack would overflow. */
  private final StackOverflowError[] caught = new StackOverflowError[OBJECTS];
  private int nextObject;
  private long sink;

  private FaultSweep(Form form) {
    this.form = form;
  }

  public static void main(String[] args) throws Exception {
    String formName = args[0];
    warmUp(form(formName, WARM_UP));
    // Where the stack runs out depends on frame sizes the JIT chooses: if no call overflowed with one
    // stack size, sweep fresh objects on a thread with another.
    FaultSweep sweep = null;
    String failure = null;
    for (int kib = 512; failure == null && (sweep == null || sweep.faults.get() == 0) && kib <= 1024;
        kib += 128) {
      sweep = new FaultSweep(form(formName, OBJECTS));
      failure = sweep.run(kib * 1024L);
    }
    if (failure != null) {
      System.out.println("FAILED (" + formName + "): " + failure);
      System.out.flush();
      Runtime.getRuntime().halt(failure.startsWith("hung") ? 2 : 1);
    }
    System.out.printf(
        "passed (%s): %d objects swept, %d calls ended in StackOverflowError%n",
        formName, sweep.nextObject, sweep.faults.get());
    System.out.println("struck: " + String.join(" ", sweep.struckPoints()));
    System.out.flush();
    Runtime.getRuntime().halt(0); // a spinning thread, on broken code, must not keep the JVM up
  }

  /** Compiles the miss and hit paths first, so that the sweep runs the JIT's code too. */
  private static void warmUp(Form form) {
    PyInterpreter warm = PyInterpreter.create("warm");
    PyInterpreter other = PyInterpreter.create("other");
    for (int i = 0; i < WARM_UP; i++) {
      form.call(i, warm);
      form.call(i, warm);
      form.call(i, other);
    }
  }

  private String run(long stackSize) throws Exception {
    String[] onFaultingThread = new String[1];
    Thread faulting =
        new Thread(
            null,
            () -> {
              sweepDown(0);
              onFaultingThread[0] = checkFaultingThreadCachesAgain();
            },
            "faulting",
            stackSize);
    faulting.setDaemon(true);
    faulting.start();
    faulting.join(TimeUnit.SECONDS.toMillis(60));
    if (faulting.isAlive()) {
      return "hung: the faulting thread did not finish its sweep within 60 s"
          + " (swept " + nextObject + " objects)";
    }
    if (onFaultingThread[0] != null) {
      return onFaultingThread[0];
    }
    return checkOtherThreads();
  }

  private void sweepDown(int depth) {
    try {
      sweepDown(depth + 1);
    } catch (StackOverflowError bottom) {
      // the bottom: from here on up, each frame calls once per stack offset
    }
    for (int offset = 0; offset < OFFSETS && nextObject < OBJECTS; offset++) {
      int object = nextObject++;
      try {
        callAtOffset(offset, object);
      } catch (StackOverflowError expected) {
        caught[object] = expected; // a plain store: no call that could overflow again
        faults.incrementAndGet();
      }
    }
  }

  /** Where the errors struck: the innermost frame of the runtime or of generated code of each. */
  private Set<String> struckPoints() {
    Set<String> points = new TreeSet<>();
    for (StackOverflowError error : caught) {
      if (error != null) {
        points.add(pointOf(error));
      }
    }
    return points;
  }

  private static String pointOf(StackOverflowError error) {
    for (StackTraceElement frame : error.getStackTrace()) {
      String type = frame.getClassName();
      if (type.startsWith("io.github.pyhandlecache.runtime.") || type.contains("PyHandleCached_")) {
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName();
      }
    }
    return "(outside the cache)";
  }

  /**
   * Calls with {@code offset} more longs live across the call, so more stack in the caller's frame:
   * a frame is larger than the steps of a miss, and the offsets fill in between.
   */
  private void callAtOffset(int offset, int object) {
    long a = object;
    long b = a * 3;
    long c = b ^ 5;
    long d = c + 7;
    switch (offset) {
      case 0 -> form.call(object, faulty);
      case 1 -> liveAcross1(object, a);
      case 2 -> liveAcross2(object, a, b);
      case 3 -> liveAcross3(object, a, b, c);
      default -> liveAcross4(object, a, b, c, d);
    }
  }

  private void liveAcross1(int object, long a) {
    form.call(object, faulty);
    sink += a;
  }

  private void liveAcross2(int object, long a, long b) {
    form.call(object, faulty);
    sink += a + b;
  }

  private void liveAcross3(int object, long a, long b, long c) {
    form.call(object, faulty);
    sink += a + b + c;
  }

  private void liveAcross4(int object, long a, long b, long c, long d) {
    form.call(object, faulty);
    sink += a + b + c + d;
  }

  /** Back at a shallow depth, the faulting thread's next misses cache again. */
  private String checkFaultingThreadCachesAgain() {
    if (PyInterpreter.current() != null) {
      return "an exited scope is still current on the faulting thread: " + PyInterpreter.current();
    }
    Form fresh = form(nameOf(form), 10);
    for (int object = 0; object < 10; object++) {
      Handle first = fresh.call(object, faulty);
      Handle second = fresh.call(object, faulty);
      if (first != second || fresh.slowCalls(object) != 1) {
        return "the faulting thread's interpreter does not cache again on that thread";
      }
    }
    return null;
  }

  /** Every swept object answers other threads within the bound, right. */
  private String checkOtherThreads() throws Exception {
    PyInterpreter other = PyInterpreter.create("other");
    ExecutorService checker = Executors.newSingleThreadExecutor(daemon());
    try {
      for (int object = 0; object < nextObject; object++) {
        int index = object;
        Future<String> check =
            checker.submit(
                () -> {
                  Handle ofOther = form.call(index, other);
                  Handle ofFaulty = form.call(index, faulty);
                  int slowCalls = form.slowCalls(index);
                  Handle again = form.call(index, faulty);
                  if (ofOther == null || ofOther.interpreter != other
                      || ofFaulty.interpreter != faulty || again.interpreter != faulty) {
                    return "isolation: object " + index + " returned another interpreter's value";
                  }
                  if (again != ofFaulty || form.slowCalls(index) != slowCalls) {
                    return "identity: object " + index + " does not cache for the faulting"
                        + " interpreter on another thread";
                  }
                  return null;
                });
        try {
          String failure = check.get(BOUND_SECONDS, TimeUnit.SECONDS);
          if (failure != null) {
            return failure;
          }
        } catch (TimeoutException e) {
          return "hung: object " + index + " did not answer another thread within "
              + BOUND_SECONDS + " s";
        }
      }
      return null;
    } finally {
      checker.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "checker");
      thread.setDaemon(true);
      return thread;
    };
  }

  private static String nameOf(Form form) {
    return form instanceof Explicit ? "explicit" : form instanceof Implicit ? "implicit" : "getOr";
  }

  private static Form form(String name, int objects) {
    switch (name) {
      case "explicit":
        return new Explicit(objects);
      case "implicit":
        return new Implicit(objects);
      case "getOr":
        return new GetOr(objects);
      default:
        throw new IllegalArgumentException("unknown form " + name);
    }
  }

  /** {@code @PyHandleCached(slots = 2) Handle explicitHandle(PyInterpreter)}. */
  private static final class Explicit implements Form {
    private final FaultTarget[] targets;

    Explicit(int objects) {
      targets = new FaultTarget[objects];
      for (int i = 0; i < objects; i++) {
        targets[i] = FaultTarget.create();
      }
    }

    @Override
    public Handle call(int object, PyInterpreter interpreter) {
      return targets[object].explicitHandle(interpreter);
    }

    @Override
    public int slowCalls(int object) {
      return targets[object].slowCalls.get();
    }
  }

  /** {@code @PyHandleCached(slots = 2) Handle implicitHandle()}, inside a scope of the caller. */
  private static final class Implicit implements Form {
    private final FaultTarget[] targets;

    Implicit(int objects) {
      targets = new FaultTarget[objects];
      for (int i = 0; i < objects; i++) {
        targets[i] = FaultTarget.create();
      }
    }

    @Override
    public Handle call(int object, PyInterpreter interpreter) {
      try (PyInterpreter.Scope scope = interpreter.enter()) {
        return targets[object].implicitHandle();
      }
    }

    @Override
    public int slowCalls(int object) {
      return targets[object].slowCalls.get();
    }
  }

  /** {@code PyHandleCache<Handle>} with two slots. */
  private static final class GetOr implements Form {
    private final PyHandleCache<Handle>[] caches;
    private final AtomicInteger[] slowCalls;

    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type
    GetOr(int objects) {
      caches = new PyHandleCache[objects];
      slowCalls = new AtomicInteger[objects];
      for (int i = 0; i < objects; i++) {
        caches[i] = new PyHandleCache<>(2);
        slowCalls[i] = new AtomicInteger();
      }
    }

    @Override
    public Handle call(int object, PyInterpreter interpreter) {
      AtomicInteger calls = slowCalls[object];
      return caches[object].getOr(
          interpreter,
          () -> {
            calls.incrementAndGet();
            return new Handle(interpreter, "getOr");
          });
    }

    @Override
    public int slowCalls(int object) {
      return slowCalls[object].get();
    }
  }
}

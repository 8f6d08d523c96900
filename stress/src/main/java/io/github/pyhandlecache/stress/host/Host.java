package io.github.pyhandlecache.stress.host;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.internal.SlotTable;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A host object with one cached accessor, the thing a stress test races on. Subclasses cache it
 * with {@link io.github.pyhandlecache.runtime.PyHandleCache} or with a class the processor
 * generated; the tests see only this class, so one race runs on both.
 *
 * <p>The slow accessor counts its runs per interpreter, so a test can tell a hit from a miss without
 * looking at slots: an interpreter owns a slot exactly when a call for it does not run the slow
 * accessor.
 */
public abstract class Host {
  /** Slow accessor runs, indexed by interpreter number. */
  private final AtomicIntegerArray slowCalls = new AtomicIntegerArray(Interpreters.MAX_NUMBER + 1);

  /**
   * The thread on which the slow accessor throws, or null. Plain: only the thread it names acts on
   * it, and any other thread reads null or another thread, never itself.
   */
  private Thread failingThread;

  /**
   * Calls the cached accessor for {@code interpreter} and returns the {@linkplain
   * Interpreters#numberOf number} of the interpreter whose value it returned, 0 for a default value.
   */
  public abstract int numberFor(PyInterpreter interpreter);

  /**
   * Returns whether {@code interpreter} owns a slot: a call for it returns without running the slow
   * accessor. Only for a thread that runs alone, as an arbiter does.
   */
  public final boolean owns(PyInterpreter interpreter) {
    int before = slowCalls(interpreter);
    numberFor(interpreter);
    return slowCalls(interpreter) == before;
  }

  /**
   * Returns whether a slot of this host holds {@code interpreter}'s value, looking at the slots
   * without calling the accessor: what {@link PyInterpreter#close()} must have emptied. Only for a
   * thread that runs alone, as an arbiter does.
   */
  public final boolean holdsValueOf(PyInterpreter interpreter) {
    String owners = slotOwners();
    return owners.contains(interpreter.toString().replace(", closed]", "]"))
        || owners.contains(interpreter.toString().replace("]", ", closed]"));
  }

  /** Returns the owners of the slots as the runtime prints them: {@code [PyInterpreter[1], empty]}. */
  protected String slotOwners() {
    // A generated subclass keeps each accessor's slot table in one private field.
    for (Field field : getClass().getDeclaredFields()) {
      if (SlotTable.class.isAssignableFrom(field.getType())) {
        field.setAccessible(true);
        try {
          return String.valueOf(field.get(this));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError(getClass() + " has no slot table");
  }

  /** Returns how many times the slow accessor has run for {@code interpreter}. */
  public final int slowCalls(PyInterpreter interpreter) {
    return slowCalls.get(Interpreters.numberOf(interpreter));
  }

  /** Makes the slow accessor throw {@link SlowAccessorFailure} when it runs on the calling thread. */
  public final void failOnThisThread() {
    failingThread = Thread.currentThread();
  }

  /** The slow accessor of a reference-valued accessor: a fresh handle. */
  protected final Handle computeHandle(PyInterpreter interpreter) {
    countSlowCall(interpreter);
    return new Handle(interpreter);
  }

  /** The slow accessor of a primitive accessor: the interpreter's number. */
  protected final int computeNumber(PyInterpreter interpreter) {
    countSlowCall(interpreter);
    return Interpreters.numberOf(interpreter);
  }

  private void countSlowCall(PyInterpreter interpreter) {
    slowCalls.incrementAndGet(Interpreters.numberOf(interpreter));
    if (failingThread == Thread.currentThread()) {
      throw new SlowAccessorFailure();
    }
  }
}

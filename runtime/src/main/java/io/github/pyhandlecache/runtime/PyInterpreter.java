package io.github.pyhandlecache.runtime;

import java.util.Objects;

/**
 * An interpreter that cached values belong to: a Python interpreter, a GraalPy context, a script
 * engine. Its identity is the tag of the slots it owns; its name is for diagnostics only.
 *
 * <p>A thread <em>enters</em> an interpreter to make it {@linkplain #current() current}, which is
 * what the implicit form of a {@code @PyHandleCached} accessor uses:
 *
 * <pre>{@code
 * PyInterpreter interpreter = PyInterpreter.create("main");
 * try (PyInterpreter.Scope scope = interpreter.enter()) {
 *   entry.pyObject();            // cached for "main"
 * }
 * interpreter.close();           // its slots may now be reclaimed by other interpreters
 * }</pre>
 *
 * <p>Instances are thread-safe. {@code equals} is identity.
 */
public final class PyInterpreter {
  private static final ThreadLocal<Scope> INNERMOST_SCOPE = new ThreadLocal<>();

  private final String name;

  /**
   * Stands in a slot's tag while a thread of this interpreter claims that slot. Never closed, so
   * never reclaimable, and never equal to an interpreter a caller holds. See {@link SlotTags}.
   */
  final PyInterpreter claimMarker;

  private volatile boolean closed;

  private PyInterpreter(String name, PyInterpreter claimant) {
    this.name = name;
    this.claimMarker = claimant == null ? new PyInterpreter(name, this) : null;
  }

  /**
   * Returns a new, open interpreter.
   *
   * @param name for diagnostics only: two interpreters of the same name are still two interpreters
   * @throws NullPointerException if {@code name} is null
   */
  public static PyInterpreter create(String name) {
    return new PyInterpreter(Objects.requireNonNull(name, "name"), null);
  }

  /** Returns the name this interpreter was created with. */
  public String name() {
    return name;
  }

  /**
   * Makes this interpreter {@linkplain #current() current} on the calling thread until the returned
   * scope is closed. Scopes nest: closing one restores the interpreter that was current before.
   *
   * @throws IllegalStateException if this interpreter is closed
   */
  public Scope enter() {
    if (closed) {
      throw new IllegalStateException("cannot enter closed interpreter " + name);
    }
    Scope scope = new Scope(this, INNERMOST_SCOPE.get());
    INNERMOST_SCOPE.set(scope);
    return scope;
  }

  /**
   * Returns the interpreter of the innermost open scope of the calling thread, closed or not, or
   * null if the thread has entered none.
   */
  public static PyInterpreter current() {
    Scope scope = INNERMOST_SCOPE.get();
    return scope == null ? null : scope.interpreter;
  }

  /**
   * Closes this interpreter; idempotent. Once this method has returned, no new claim of a slot
   * starts for this interpreter, and the slots it owns may be reclaimed by other interpreters.
   * Open scopes stay open, and {@link #current()} still returns this interpreter inside them.
   */
  public void close() {
    closed = true;
  }

  /** Returns whether {@link #close()} has been called. */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    String state = claimMarker == null ? ", claiming]" : closed ? ", closed]" : "]";
    return "PyInterpreter[" + name + state;
  }

  /**
   * A thread's entry into an interpreter, from {@link PyInterpreter#enter()}. Close it on the thread
   * that entered, innermost first, as try-with-resources does.
   */
  public static final class Scope implements AutoCloseable {
    private final PyInterpreter interpreter;
    private final Scope enclosing;
    private final Thread thread = Thread.currentThread();
    private boolean closed; // read and written by the entering thread only

    private Scope(PyInterpreter interpreter, Scope enclosing) {
      this.interpreter = interpreter;
      this.enclosing = enclosing;
    }

    /**
     * Makes the interpreter that was current before this scope current again; idempotent.
     *
     * @throws IllegalStateException if called on another thread than the one that entered, or while
     *     a scope entered inside this one is still open; nothing changes then
     */
    @Override
    public void close() {
      if (Thread.currentThread() != thread) {
        throw new IllegalStateException(
            "scope of " + interpreter.name + " entered on thread " + thread.getName()
                + " cannot be closed on thread " + Thread.currentThread().getName());
      }
      if (closed) {
        return;
      }
      Scope innermost = INNERMOST_SCOPE.get();
      if (innermost != this) {
        throw new IllegalStateException(
            "scope of " + interpreter.name + " is not the innermost: close the scope of "
                + innermost.interpreter.name + " first");
      }
      closed = true;
      INNERMOST_SCOPE.set(enclosing);
    }

    @Override
    public String toString() {
      return "PyInterpreter.Scope[" + interpreter.name + (closed ? ", closed]" : "]");
    }
  }
}

package io.github.pyhandlecache.runtime;

import io.github.pyhandlecache.runtime.spi.InterpreterLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

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
 * interpreter.close();           // releases every slot it owns
 * }</pre>
 *
 * <p>Instances are thread-safe. {@code equals} is identity.
 */
public final class PyInterpreter {
  /** Each thread's scopes; the holder itself is only ever read and written by its thread. */
  private static final ThreadLocal<ThreadScopes> SCOPES = ThreadLocal.withInitial(ThreadScopes::new);

  private static final InterpreterLookup[] LOOKUPS = loadLookups();

  private final String name;
  private final OwnedSlots ownedSlots = new OwnedSlots();
  private volatile boolean closed;

  private PyInterpreter(String name) {
    this.name = name;
  }

  /**
   * Returns a new, open interpreter.
   *
   * @param name for diagnostics only: two interpreters of the same name are still two interpreters
   * @return the new interpreter
   * @throws NullPointerException if {@code name} is null
   */
  public static PyInterpreter create(String name) {
    return new PyInterpreter(Objects.requireNonNull(name, "name"));
  }

  /** The tag of an empty slot: never returned, entered or closed. See {@link SlotTable#EMPTY}. */
  static PyInterpreter empty() {
    return new PyInterpreter("(empty slot)");
  }

  /**
   * Returns the name this interpreter was created with.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Makes this interpreter {@linkplain #current() current} on the calling thread until the returned
   * scope is closed. Scopes nest: closing one restores the interpreter that was current before.
   *
   * @return the new scope, to be closed on this thread
   * @throws IllegalStateException if this interpreter is closed
   */
  public Scope enter() {
    if (closed) {
      throw new IllegalStateException("cannot enter closed interpreter " + name);
    }
    ThreadScopes scopes = SCOPES.get();
    Scope scope = new Scope(this, scopes);
    scopes.innermost = scope; // the one write that enters: nothing after it can throw
    return scope;
  }

  /**
   * Returns the interpreter of the innermost open scope of the calling thread, closed or not. A
   * thread that has entered no scope gets the answer of an installed {@link InterpreterLookup} (for
   * example the interpreter of the GraalPy context it has entered), or null.
   *
   * @return the current interpreter, or null if there is none
   */
  public static PyInterpreter current() {
    Scope innermost = SCOPES.get().innermost;
    return innermost != null ? innermost.interpreter : lookUpCurrent();
  }

  private static PyInterpreter lookUpCurrent() {
    for (InterpreterLookup lookup : LOOKUPS) {
      PyInterpreter found = lookup.currentInterpreter();
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * Closes this interpreter and releases every slot it owns. Once this method has returned, no new
   * claim of a slot starts for this interpreter, no value it cached is reachable through any slot of
   * any object, and its calls run the slow accessor. Other interpreters' slots are untouched. Open
   * scopes stay open, and {@link #current()} still returns this interpreter inside them.
   *
   * <p>Idempotent; a call that ends with an exception (a {@code StackOverflowError}, say) leaves
   * the interpreter closed, and the next call finishes the release.
   */
  public void close() {
    closed = true;
    CacheEvents.Release recorder = ReleaseRecorder.begin(this);
    int released = ownedSlots.releaseAll(this);
    ReleaseRecorder.end(recorder, released);
  }

  /**
   * Returns whether {@link #close()} has been called.
   *
   * @return {@code true} if this interpreter is closed
   */
  public boolean isClosed() {
    return closed;
  }

  /** Registers an object whose slot of {@code slots} this interpreter is about to claim. */
  void registerSlots(Object holder, AccessorSlots slots) {
    ownedSlots.register(holder, slots);
  }

  /** Returns how many objects are registered for release, collected ones included. */
  int registeredSlots() {
    return ownedSlots.size();
  }

  @Override
  public String toString() {
    return "PyInterpreter[" + name + (closed ? ", closed]" : "]");
  }

  private static InterpreterLookup[] loadLookups() {
    List<InterpreterLookup> lookups = new ArrayList<>();
    try {
      ServiceLoader.load(InterpreterLookup.class, PyInterpreter.class.getClassLoader())
          .forEach(lookups::add);
    } catch (ServiceConfigurationError e) {
      System.getLogger(PyInterpreter.class.getName())
          .log(System.Logger.Level.WARNING, "an InterpreterLookup could not be loaded", e);
    }
    return lookups.toArray(new InterpreterLookup[0]);
  }

  /** A thread's innermost scope. */
  private static final class ThreadScopes {
    Scope innermost;
  }

  /**
   * A thread's entry into an interpreter, from {@link PyInterpreter#enter()}. Close it on the thread
   * that entered, innermost first, as try-with-resources does.
   */
  public static final class Scope implements AutoCloseable {
    private final PyInterpreter interpreter;
    private final ThreadScopes scopes;
    private final Scope enclosing;
    private final Thread thread = Thread.currentThread();
    private boolean closed; // read and written by the entering thread only

    private Scope(PyInterpreter interpreter, ThreadScopes scopes) {
      this.interpreter = interpreter;
      this.scopes = scopes;
      this.enclosing = scopes.innermost;
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
      if (scopes.innermost != this) {
        throw new IllegalStateException(
            "scope of " + interpreter.name + " is not the innermost: close the scope of "
                + scopes.innermost.interpreter.name + " first");
      }
      // Two plain writes and no call between them: no Throwable can separate them.
      scopes.innermost = enclosing;
      closed = true;
    }

    @Override
    public String toString() {
      return "PyInterpreter.Scope[" + interpreter.name + (closed ? ", closed]" : "]");
    }
  }
}

package io.github.pyhandlecache.runtime;

import io.github.pyhandlecache.runtime.internal.InterpreterThread;
import io.github.pyhandlecache.runtime.internal.Registrations;
import io.github.pyhandlecache.runtime.internal.ThreadState;
import io.github.pyhandlecache.runtime.spi.InterpreterLookup;
import java.util.ArrayList;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An interpreter that cached values belong to: a Python interpreter, a GraalPy context, a script
 * engine. Its identity tags its slots; its name is for diagnostics only. A thread <em>enters</em>
 * it to make it {@linkplain #current() current}, the tag that implicit-form {@code @PyHandleCached}
 * accessors use; a thread of its {@link #threadFactory()} has it current for life. Closing its
 * outermost scope leaves a thread nothing of the runtime. Thread-safe; {@code equals} is identity.
 *
 * <pre>{@code
 * PyInterpreter interpreter = PyInterpreter.create("main");
 * try (PyInterpreter.Scope scope = interpreter.enter()) {
 *   entry.pyObject();            // cached for "main"
 * }
 * interpreter.close();           // releases every slot it owns
 * }</pre>
 */
public final class PyInterpreter {
  private static final InterpreterLookup[] LOOKUPS = loadLookups();
  private static final AtomicInteger CREATED = new AtomicInteger();

  static {
    Registrations.install(interpreter -> interpreter.registrations);
  }

  private final String name;
  private final int number = CREATED.getAndIncrement() & Integer.MAX_VALUE;
  private final Registrations registrations = new Registrations();
  private final AtomicInteger threads = new AtomicInteger();
  private volatile boolean closed;

  private PyInterpreter(String name) {
    this.name = name;
  }

  /**
   * {@return a new, open interpreter}
   *
   * @param name for diagnostics only: two interpreters of the same name are still two interpreters
   * @throws NullPointerException if {@code name} is null
   */
  public static PyInterpreter create(String name) {
    return new PyInterpreter(Objects.requireNonNull(name, "name"));
  }

  /** {@return the name this interpreter was created with} */
  public String name() {
    return name;
  }

  /**
   * {@return a new scope that makes this interpreter {@linkplain #current() current} on the calling
   * thread until closed there}. Scopes nest: closing one restores the interpreter current before.
   *
   * @throws IllegalStateException if this interpreter is closed
   */
  public Scope enter() {
    if (closed) {
      throw new IllegalStateException("cannot enter closed interpreter " + name);
    }
    Object[] state = ThreadState.scopesOfThisThread();
    Scope scope = new Scope(this, state, ThreadState.answerOfThisThread());
    if (scope.enclosing == null) { // outside every scope, the answer is the thread's lookup
      state[ThreadState.LOOKUP] = scope.answer.getPlain();
    }
    scope.answer.setPlain(this); // entering: one call, which a fault stops before it writes, then
    state[ThreadState.INNERMOST] = scope; // a plain write, which nothing can separate from it
    return scope;
  }

  /**
   * {@return the interpreter of the innermost open scope of the calling thread, closed or not; else
   * the one whose {@link #threadFactory()} made the thread; else the answer of an installed {@link
   * InterpreterLookup}, for example that of the GraalPy context the thread is in; else null}
   */
  public static PyInterpreter current() {
    Object answer = ThreadState.answer(); // the innermost scope's interpreter, or a lookup
    PyInterpreter found = answer instanceof PyInterpreter entered ? entered
        : answer == null ? null : ((InterpreterLookup) answer).currentInterpreter();
    for (int i = 0; found == null && i < LOOKUPS.length; i++) {
      found = LOOKUPS[i].currentInterpreter();
    }
    return found;
  }

  /**
   * {@return a factory of threads whose current interpreter is this one for life}, read from a
   * field of the thread; scopes nest on them as usual. For any executor: {@code
   * Executors.newFixedThreadPool(4, interpreter.threadFactory())}. The threads are not daemons.
   */
  public ThreadFactory threadFactory() {
    return task -> new InterpreterThread(this, task, name + "-thread-" + threads.incrementAndGet());
  }

  /**
   * Closes this interpreter and releases every slot it owns. Once it has returned, no claim starts
   * for this interpreter, no value it cached is reachable through any slot, and its calls run the
   * slow accessor; other interpreters' slots are untouched, open scopes stay open. Idempotent: a
   * call that ends with an exception leaves it closed, and the next call finishes the release.
   */
  public void close() {
    closed = true;
    registrations.releaseAll(this);
  }

  /** {@return whether {@link #close()} has been called} */
  public boolean isClosed() {
    return closed;
  }

  /**
   * {@return a non-negative number, fixed for this interpreter, that differs between interpreters
   * created in a row}: caches look for its slot at this number modulo their slot count first.
   */
  @Override
  public int hashCode() {
    return number;
  }

  @Override
  public String toString() {
    return "PyInterpreter[" + name + (closed ? ", closed]" : "]");
  }

  private static InterpreterLookup[] loadLookups() {
    ArrayList<InterpreterLookup> lookups = new ArrayList<>();
    try {
      ServiceLoader.load(InterpreterLookup.class, PyInterpreter.class.getClassLoader())
          .forEach(lookups::add);
    } catch (ServiceConfigurationError e) {
      System.getLogger(PyInterpreter.class.getName())
          .log(System.Logger.Level.WARNING, "an InterpreterLookup could not be loaded", e);
    }
    return lookups.toArray(new InterpreterLookup[0]);
  }

  /** A thread's entry into an interpreter: close it on that thread, innermost first. */
  public static final class Scope implements AutoCloseable {
    private final PyInterpreter interpreter;
    private final Object[] state; // of the entering thread
    private final AtomicReference<Object> answer; // of the entering thread
    private final Scope enclosing;
    private final Thread thread;
    private boolean closed; // read and written by the entering thread only

    private Scope(PyInterpreter interpreter, Object[] state, AtomicReference<Object> answer) {
      this.interpreter = interpreter;
      this.state = state;
      this.answer = answer;
      this.enclosing = (Scope) state[ThreadState.INNERMOST];
      this.thread = Thread.currentThread();
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
        throw new IllegalStateException("scope of " + interpreter.name + " entered on thread "
            + thread.getName() + " cannot be closed on thread " + Thread.currentThread().getName());
      }
      if (closed) {
        return;
      }
      Scope innermost = (Scope) state[ThreadState.INNERMOST];
      if (innermost != this) {
        throw new IllegalStateException("scope of " + interpreter.name
            + " is not the innermost: close the scope of " + innermost.interpreter.name + " first");
      }
      // One call, which a fault stops before it writes, then plain writes: no Throwable separates
      // them. The outermost leaves the thread's own lookup or interpreter, else nothing.
      answer.setPlain(enclosing != null ? enclosing.interpreter : state[ThreadState.LOOKUP]);
      state[ThreadState.INNERMOST] = enclosing;
      state[ThreadState.LOOKUP] = enclosing != null ? state[ThreadState.LOOKUP] : null;
      closed = true;
    }

    @Override
    public String toString() {
      return "PyInterpreter.Scope[" + interpreter.name + (closed ? ", closed]" : "]");
    }
  }
}

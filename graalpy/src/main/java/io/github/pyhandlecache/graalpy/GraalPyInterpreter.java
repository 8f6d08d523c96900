package io.github.pyhandlecache.graalpy;

import static java.util.Objects.requireNonNull;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.Optional;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;

/**
 * A GraalPy (polyglot) {@link Context} and the {@link PyInterpreter} that tags the values
 * {@code @PyHandleCached} accessors cache for it, created, entered and closed together.
 *
 * <pre>{@code
 * try (Engine engine = Engine.create("python");
 *     GraalPyInterpreter python =
 *         GraalPyInterpreter.create("worker-1", Context.newBuilder("python").engine(engine))) {
 *   try (GraalPyInterpreter.Scope scope = python.enter()) {   // enters the context and the interpreter
 *     entry.pyObject();                                       // cached for python.interpreter()
 *   }
 *   python.context().eval("python", "host.callback()");       // Java called back from Python: cached
 * }                                                           // for python.interpreter() too
 * }</pre>
 *
 * <h2>The current interpreter</h2>
 *
 * <p>Inside {@link #enter()}, {@link PyInterpreter#current()} is this object's interpreter, as it is
 * inside {@link PyInterpreter#enter()}. A thread that entered no scope but runs inside a bound
 * context (Java code called back from Python, a Python thread, code after {@link Context#enter()})
 * gets the interpreter bound to that context, from the {@link
 * io.github.pyhandlecache.runtime.spi.InterpreterLookup} this module provides. Binding a context
 * installs a Truffle instrument in its engine that follows which context each thread enters and
 * leaves, so that this answer, and the answer "none" on a thread outside every context, is a
 * thread-local read: neither asks {@link Context#getCurrent()}, which throws to say "none". Contexts
 * of an engine in which nothing has been bound yet are not followed: a thread inside one, entered
 * from a bound context, gets the bound context's interpreter. An entered {@link
 * PyInterpreter.Scope} takes precedence over the context: enter contexts through this class, so
 * that both always agree.
 *
 * <h2>Binding</h2>
 *
 * <p>A context has at most one {@code GraalPyInterpreter}; {@link #of(Context)} finds it, also from
 * the object {@link Context#getCurrent()} returns (another object, {@linkplain Context#equals equal}
 * to the one built). {@link #create} builds a context and owns it; {@link #bind} binds one that the
 * caller built and keeps owning.
 *
 * <h2>Closing</h2>
 *
 * <p>{@link #close()} closes the interpreter first, which makes every value cached for it
 * unreachable through the caches (the Python objects of this context, and everything they hold),
 * then the context if this object owns it. Close this object rather than its context: a context
 * closed on its own, or by closing its {@link Engine}, leaves the interpreter open and its cached
 * values reachable, until this object notices. It notices, and closes itself, when it is {@linkplain
 * #enter() entered}, found by {@code of}, and whenever another {@code GraalPyInterpreter} is created
 * or bound; {@link #isClosed()} tells whether the context is closed, but closes nothing.
 *
 * <p>Instances are thread-safe. {@code equals} is identity.
 */
public final class GraalPyInterpreter implements AutoCloseable {
  private final Context context;
  private final PyInterpreter interpreter;
  private final boolean ownsContext;

  private GraalPyInterpreter(Context context, PyInterpreter interpreter, boolean ownsContext) {
    this.context = context;
    this.interpreter = interpreter;
    this.ownsContext = ownsContext;
  }

  /**
   * Builds a context with {@code builder} and binds a new interpreter to it. The returned object
   * owns the context: {@link #close()} closes it.
   *
   * @param name the interpreter's name, for diagnostics only
   * @param builder builds the context; for several contexts, share an {@link Engine} ({@link
   *     Context.Builder#engine})
   * @return the open interpreter of the new context
   * @throws NullPointerException if {@code name} or {@code builder} is null
   * @throws IllegalArgumentException if {@link Context.Builder#build()} does, for invalid options
   * @throws IllegalStateException if {@link Context.Builder#build()} does, for a closed engine
   */
  public static GraalPyInterpreter create(String name, Context.Builder builder) {
    requireNonNull(name, "name");
    requireNonNull(builder, "builder");
    Context context = builder.build();
    try {
      return ContextBindings.bind(
          new GraalPyInterpreter(context, PyInterpreter.create(name), /* ownsContext= */ true));
    } catch (RuntimeException | Error e) {
      context.close();
      throw e;
    }
  }

  /**
   * Binds a new interpreter to a context that the caller built and keeps owning: {@link #close()}
   * closes the interpreter, not the context. Close it before the context (see Closing above).
   *
   * @param name the interpreter's name, for diagnostics only
   * @param context an open context that no open {@code GraalPyInterpreter} is bound to. {@link
   *     #enter()} needs the object {@link Context.Builder#build()} returned: the one from {@link
   *     Context#getCurrent()} cannot be entered
   * @return the open interpreter of {@code context}
   * @throws NullPointerException if {@code name} or {@code context} is null
   * @throws IllegalArgumentException if {@code context} is closed, or already bound: {@link
   *     #of(Context)} finds the interpreter it is bound to
   */
  public static GraalPyInterpreter bind(String name, Context context) {
    requireNonNull(name, "name");
    requireNonNull(context, "context");
    return ContextBindings.bind(
        new GraalPyInterpreter(context, PyInterpreter.create(name), /* ownsContext= */ false));
  }

  /**
   * Returns the open interpreter bound to {@code context}, if any.
   *
   * @param context a context, or an object equal to it such as {@link Context#getCurrent()}'s
   * @return the open {@code GraalPyInterpreter} of {@code context}, or empty if none is bound or
   *     its context is closed (then it closes, see Closing above)
   * @throws NullPointerException if {@code context} is null
   */
  public static Optional<GraalPyInterpreter> of(Context context) {
    return openOrEmpty(ContextBindings.get(requireNonNull(context, "context")));
  }

  /**
   * Returns the open {@code GraalPyInterpreter} whose interpreter is {@code interpreter}, if any: how
   * the slow accessor of an explicit {@code @PyHandleCached} method finds the context to look in.
   *
   * @param interpreter an interpreter
   * @return the open {@code GraalPyInterpreter} of {@code interpreter}, or empty if {@code
   *     interpreter} is not one of theirs, or is closed, or its context is (then it closes)
   * @throws NullPointerException if {@code interpreter} is null
   */
  public static Optional<GraalPyInterpreter> of(PyInterpreter interpreter) {
    return openOrEmpty(ContextBindings.get(requireNonNull(interpreter, "interpreter")));
  }

  private static Optional<GraalPyInterpreter> openOrEmpty(GraalPyInterpreter bound) {
    return bound == null || bound.closeIfContextClosed() ? Optional.empty() : Optional.of(bound);
  }

  /**
   * Returns the interpreter's name.
   *
   * @return the name it was created or bound with
   */
  public String name() {
    return interpreter.name();
  }

  /**
   * Returns the polyglot context.
   *
   * @return the context this object built or was bound to
   */
  public Context context() {
    return context;
  }

  /**
   * Returns the interpreter that tags the values cached for this context: pass it to the explicit
   * form of a cached accessor. Close this object, not the interpreter.
   *
   * @return the interpreter bound to this context
   */
  public PyInterpreter interpreter() {
    return interpreter;
  }

  /**
   * Returns whether {@link #close()} closes the context too.
   *
   * @return true if {@link #create} built the context, false if it was {@link #bind bound}
   */
  public boolean ownsContext() {
    return ownsContext;
  }

  /**
   * Enters the context ({@link Context#enter()}) and then the interpreter ({@link
   * PyInterpreter#enter()}) on the calling thread, until the returned scope is closed. Scopes nest.
   *
   * @return the scope to close, on this thread, to leave both
   * @throws IllegalStateException if this object is closed, or its context is (then this object
   *     closes), or {@link Context#enter()} refuses, for example for a context bound through the
   *     object {@link Context#getCurrent()} returned
   */
  public Scope enter() {
    if (interpreter.isClosed()) {
      throw new IllegalStateException("cannot enter closed " + this);
    }
    try {
      context.enter();
    } catch (IllegalStateException e) {
      if (ContextBindings.isClosed(context)) {
        String described = toString();
        close();
        throw new IllegalStateException(
            "cannot enter " + described + ": its context was closed without closing it first", e);
      }
      throw e;
    }
    PyInterpreter.Scope interpreterScope;
    try {
      interpreterScope = interpreter.enter();
    } catch (Throwable e) { // closed meanwhile, or a StackOverflowError: leave what was entered
      context.leave();
      throw e;
    }
    return new Scope(this, interpreterScope);
  }

  /**
   * Returns whether this object or its context is closed. A query: it closes nothing, not even this
   * object when it finds the context closed (see Closing above for what does).
   *
   * @return true if {@link #close()} has been called, or the context was closed directly: then
   *     this object cannot be entered
   */
  public boolean isClosed() {
    return interpreter.isClosed() || ContextBindings.isClosed(context);
  }

  /**
   * Closes this object if its context was closed directly, so that what was cached for it is
   * released.
   *
   * @return whether this object is closed now
   */
  boolean closeIfContextClosed() {
    if (!interpreter.isClosed() && ContextBindings.isClosed(context)) {
      close();
    }
    return interpreter.isClosed();
  }

  /**
   * Unbinds this object from its context, closes the interpreter, which releases every value cached
   * for it, and then closes the context if this object {@linkplain #ownsContext() owns} it.
   * Idempotent. Open scopes stay open (see {@link PyInterpreter#close()}); a context entered on the
   * calling thread may be closed.
   *
   * @throws IllegalStateException if the owned context is running on another thread ({@link
   *     Context#close()}); the interpreter is closed all the same, and a later call closes the
   *     context
   */
  @Override
  public void close() {
    ContextBindings.unbind(this); // first: the lookup stops finding it
    interpreter.close();
    if (ownsContext) {
      closeContext();
    }
  }

  private void closeContext() {
    try {
      context.close();
    } catch (PolyglotException e) {
      // A context cancelled already (Context.close(true), Engine.close(true)) says so again on
      // every close: it is closed, which is all this asks.
      if (!e.isCancelled()) {
        throw e;
      }
    }
  }

  @Override
  public String toString() {
    return "GraalPyInterpreter[" + name() + (interpreter.isClosed() ? ", closed]" : "]");
  }

  /**
   * A thread's entry into a {@link GraalPyInterpreter}, from {@link GraalPyInterpreter#enter()}:
   * its context and its interpreter. Close it on the thread that entered, innermost first, as
   * try-with-resources does.
   */
  public static final class Scope implements AutoCloseable {
    private final GraalPyInterpreter entered;
    private final PyInterpreter.Scope interpreterScope;
    private boolean left; // read and written by the entering thread only

    private Scope(GraalPyInterpreter entered, PyInterpreter.Scope interpreterScope) {
      this.entered = entered;
      this.interpreterScope = interpreterScope;
    }

    /**
     * Leaves the interpreter and then the context, in the reverse order of entering; idempotent.
     *
     * @throws IllegalStateException if called on another thread than the one that entered, or
     *     while a scope entered inside this one is still open; nothing changes then
     */
    @Override
    public void close() {
      interpreterScope.close(); // checks the thread and the nesting first, and is idempotent
      if (!left) {
        entered.context.leave();
        left = true;
      }
    }

    @Override
    public String toString() {
      return "GraalPyInterpreter.Scope[" + entered.name() + (left ? ", closed]" : "]");
    }
  }
}

package io.github.pyhandlecache.graalpy.internal;

import com.oracle.truffle.api.TruffleContext;
import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.spi.InterpreterLookup;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One polyglot context of an engine that {@link ContextTrackingInstrument} tracks, and the
 * interpreter bound to it, if any. The instrument makes one for every context of its engine (a
 * context local), so that a thread's {@link EnteredContexts} frames refer to it whether or not the
 * context is bound. It is the {@linkplain InterpreterLookup#setThreadLookup lookup} of the threads
 * whose innermost context it is.
 */
final class TrackedContext implements InterpreterLookup {
  private static final VarHandle INTERPRETER;

  static {
    try {
      INTERPRETER =
          MethodHandles.lookup().findVarHandle(TrackedContext.class, "interpreter", PyInterpreter.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final TruffleContext truffleContext;
  @SuppressWarnings("unused") // through INTERPRETER
  private PyInterpreter interpreter;

  TrackedContext(TruffleContext truffleContext) {
    this.truffleContext = truffleContext;
  }

  /**
   * Returns whether this is {@code context}. Truffle hands instruments the same object for a
   * context every time (its creator {@code TruffleContext}), so the identity check answers; {@code
   * equals} is the documented comparison, for the case it does not.
   */
  boolean is(TruffleContext context) {
    return truffleContext == context || truffleContext.equals(context);
  }

  /**
   * Returns the interpreter bound to this context, or null.
   *
   * <p>Acquire, paired with the release in {@link #bind}: a thread that sees the interpreter sees
   * it fully built. (Its fields are final, so a plain read would do; acquire costs nothing more on
   * x86 and keeps the JIT from hoisting the read out of a caller's loop.)
   */
  PyInterpreter interpreter() {
    return (PyInterpreter) INTERPRETER.getAcquire(this);
  }

  /** Returns {@link #interpreter()}: a thread inside this context is inside its interpreter. */
  @Override
  public PyInterpreter currentInterpreter() {
    return interpreter();
  }

  /** Makes {@code bound} the interpreter of the threads inside this context. */
  void bind(PyInterpreter bound) {
    INTERPRETER.setRelease(this, bound);
  }

  /**
   * Undoes {@link #bind}, unless another interpreter has been bound since: a compare-and-set, so
   * that a late unbind of a closed interpreter cannot erase its successor.
   */
  void unbind(PyInterpreter bound) {
    INTERPRETER.compareAndSet(this, bound, (PyInterpreter) null);
  }

  /** Forgets the interpreter of a context that closed: no thread can be inside it any more. */
  void closed() {
    INTERPRETER.setRelease(this, (PyInterpreter) null);
  }
}

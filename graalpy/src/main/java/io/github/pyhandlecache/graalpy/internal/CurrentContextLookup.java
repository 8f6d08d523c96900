package io.github.pyhandlecache.graalpy.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.spi.InterpreterLookup;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Context;

/**
 * Answers {@link PyInterpreter#current()} on a thread that entered no scope with the interpreter
 * bound to the polyglot context the thread is in: Java code called back from Python, a Python
 * thread, code between {@code Context.enter()} and {@code Context.leave()}. Installed through
 * {@link java.util.ServiceLoader} (a {@code provides} clause of the module, and a {@code
 * META-INF/services} file on the class path); applications do not call it.
 *
 * <p>Binding a context makes its engine track which context each thread is inside ({@link
 * ContextTrackingInstrument}): the innermost tracked context is the thread's own {@linkplain
 * InterpreterLookup#setThreadLookup lookup}, which {@code current()} asks before this one. So this
 * one is asked on a thread outside every tracked context, or in one that is not bound, and finds
 * only contexts whose engine cannot be tracked, through {@link Context#getCurrent()} ({@link
 * UntrackedContexts}); with none, it answers without asking the Polyglot API.
 *
 * <p>What tracking does not see: contexts of an engine in which nothing has been bound yet (a
 * thread inside one, entered from a bound context, still gets the bound context's interpreter),
 * and, until they leave it, the threads that were already inside a context when the first context
 * of its engine was bound.
 */
public final class CurrentContextLookup implements InterpreterLookup {
  /** The tracked contexts of bound interpreters, to unbind them. */
  private static final ConcurrentHashMap<Context, TrackedContext> BOUND = new ConcurrentHashMap<>();

  /** Creates the lookup; {@link java.util.ServiceLoader} does, once. */
  public CurrentContextLookup() {}

  /**
   * Makes {@code interpreter} current on the threads inside {@code context} that entered no scope.
   * It enters the context once, on the calling thread, to learn which Truffle context it is.
   *
   * @param context an open context that is not bound
   * @param interpreter its interpreter
   */
  public static void bind(Context context, PyInterpreter interpreter) {
    TrackedContext tracked;
    try {
      tracked = ContextTrackingInstrument.track(context);
    } catch (NoClassDefFoundError noTruffle) { // the Polyglot API without Truffle on the class path
      tracked = null;
    }
    if (tracked == null) {
      UntrackedContexts.bind(context, interpreter);
    } else {
      BOUND.put(context, tracked);
      tracked.bind(interpreter);
    }
  }

  /**
   * Undoes {@link #bind}.
   *
   * @param context a bound context
   * @param interpreter the interpreter it was bound to
   */
  public static void unbind(Context context, PyInterpreter interpreter) {
    TrackedContext tracked = BOUND.remove(context);
    if (tracked != null) {
      tracked.unbind(interpreter);
    }
    UntrackedContexts.unbind(context, interpreter);
  }

  /**
   * Returns the interpreter bound to the calling thread's untracked polyglot context.
   *
   * @return the interpreter bound to the untracked context the thread is in, or null
   */
  @Override
  public PyInterpreter currentInterpreter() {
    return UntrackedContexts.current();
  }
}

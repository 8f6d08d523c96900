package io.github.pyhandlecache.graalpy.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Context;

/**
 * The bound contexts whose threads the module does not track itself: their interpreter is found
 * through {@link Context#getCurrent()}, which costs tens of nanoseconds inside a context and an
 * exception outside every context.
 *
 * <p>Contexts are keyed by {@link Context#equals}, which compares the polyglot implementation's
 * context: {@link Context#getCurrent()} returns another object than the one built, equal to it.
 */
final class UntrackedContexts {
  private static final ConcurrentHashMap<Context, PyInterpreter> INTERPRETERS =
      new ConcurrentHashMap<>();

  private UntrackedContexts() {}

  /** Makes {@code interpreter} current on the threads inside {@code context}. */
  static void bind(Context context, PyInterpreter interpreter) {
    INTERPRETERS.put(context, interpreter);
  }

  /** Undoes {@link #bind}, unless {@code context} has been bound to another interpreter since. */
  static void unbind(Context context, PyInterpreter interpreter) {
    INTERPRETERS.remove(context, interpreter);
  }

  /**
   * Returns the interpreter bound to the calling thread's polyglot context, or null.
   *
   * <p>Nothing bound: the answer comes without touching the Polyglot API, which the application
   * may not even have on its class path (it is a provided dependency).
   */
  static PyInterpreter current() {
    if (INTERPRETERS.isEmpty()) {
      return null;
    }
    Context current;
    try {
      current = Context.getCurrent();
    } catch (IllegalStateException inNoContext) {
      return null;
    }
    return INTERPRETERS.get(current);
  }
}

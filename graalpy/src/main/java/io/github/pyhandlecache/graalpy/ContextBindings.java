package io.github.pyhandlecache.graalpy;

import io.github.pyhandlecache.graalpy.internal.CurrentContextLookup;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;

/**
 * The open {@link GraalPyInterpreter}s, by context and by interpreter.
 *
 * <p>Keys are held strongly, and an entry is removed when its interpreter closes. A weak map would
 * free nothing more: a {@code GraalPyInterpreter} holds its context, and so does every value cached
 * for its interpreter (a {@link org.graalvm.polyglot.Value} references its context), so a bound
 * context is garbage only once its interpreter has been closed and released them. What strong keys
 * do need is a way to notice contexts closed without their interpreter: {@link #bind} sweeps them.
 *
 * <p>Contexts are keyed by {@link Context#equals}, which compares the polyglot implementation's
 * context: {@link Context#getCurrent()} returns another object than the one built, equal to it.
 */
final class ContextBindings {
  private static final ConcurrentHashMap<Context, GraalPyInterpreter> BY_CONTEXT =
      new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<PyInterpreter, GraalPyInterpreter> BY_INTERPRETER =
      new ConcurrentHashMap<>();

  private ContextBindings() {}

  /**
   * Binds {@code interpreter} to its context, after closing the open interpreters whose contexts
   * were closed without them.
   *
   * @throws IllegalArgumentException if the context is closed, or bound to another interpreter
   */
  static GraalPyInterpreter bind(GraalPyInterpreter interpreter) {
    closeThoseOfClosedContexts();
    Context context = interpreter.context();
    if (isClosed(context)) {
      throw new IllegalArgumentException("context is closed: cannot bind " + interpreter.name());
    }
    GraalPyInterpreter bound = BY_CONTEXT.putIfAbsent(context, interpreter);
    if (bound != null) {
      throw new IllegalArgumentException(
          "context is already bound to " + bound + ": GraalPyInterpreter.of(context) finds it");
    }
    BY_INTERPRETER.put(interpreter.interpreter(), interpreter);
    try {
      CurrentContextLookup.bind(context, interpreter.interpreter());
    } catch (RuntimeException | Error e) { // entering the context failed unexpectedly
      unbind(interpreter);
      throw e;
    }
    return interpreter;
  }

  static void unbind(GraalPyInterpreter interpreter) {
    CurrentContextLookup.unbind(interpreter.context(), interpreter.interpreter());
    BY_CONTEXT.remove(interpreter.context(), interpreter);
    BY_INTERPRETER.remove(interpreter.interpreter(), interpreter);
  }

  /** Returns the interpreter bound to {@code context}, or null. */
  static GraalPyInterpreter get(Context context) {
    return BY_CONTEXT.get(context);
  }

  /** Returns the {@code GraalPyInterpreter} of {@code interpreter}, or null. */
  static GraalPyInterpreter get(PyInterpreter interpreter) {
    return BY_INTERPRETER.get(interpreter);
  }

  /**
   * Returns whether {@code context} is closed, or being cancelled. The Polyglot API has no {@code
   * isClosed()}; {@link Context#getPolyglotBindings()} is its cheapest call that checks (a field
   * read and a small allocation, without entering the context), and throws {@link
   * IllegalStateException} once the context is closed.
   */
  static boolean isClosed(Context context) {
    try {
      context.getPolyglotBindings();
      return false;
    } catch (IllegalStateException closed) {
      return true;
    } catch (PolyglotException e) {
      if (e.isCancelled()) {
        return true;
      }
      throw e;
    }
  }

  private static void closeThoseOfClosedContexts() {
    for (GraalPyInterpreter bound : BY_CONTEXT.values()) {
      bound.closeIfContextClosed();
    }
  }
}

package io.github.pyhandlecache.graalpy.internal;

import com.oracle.truffle.api.TruffleContext;
import io.github.pyhandlecache.runtime.spi.InterpreterLookup;
import java.util.function.Function;

/**
 * Each thread's stack of the tracked contexts it is inside, kept by {@link
 * ContextTrackingInstrument} on every enter and leave. The innermost one is also the thread's own
 * {@linkplain InterpreterLookup#setThreadLookup lookup}, which {@code PyInterpreter.current()} finds
 * in the same thread-local read as the thread's scopes: it asks neither this class nor the Polyglot
 * API.
 *
 * <p>The stack is a chain of frames, one per run of enters of the same context: Truffle enters a
 * context again on every polyglot call made inside it, so those enters count in the innermost
 * frame instead of allocating. A thread in A that enters B and then A again has three frames.
 *
 * <p>Each change is a write of the owning thread (a counter), or two (the thread's lookup, then the
 * innermost frame) of which only the first calls: a {@code Throwable} thrown into an enter or a
 * leave leaves both as they were, as Truffle leaves its own (it undoes a failed enter without telling
 * its listeners).
 */
final class EnteredContexts {
  /**
   * Each thread's innermost frame, in a one-element {@code Object[]}: a JDK type, which refers to
   * nothing once the thread has left every context, so that a pooled thread keeps nothing of this
   * module. Enters and leaves write the element, never the thread-local map.
   */
  private static final ThreadLocal<Object[]> INNERMOST = new ThreadLocal<>();

  private EnteredContexts() {}

  /** Returns the tracked context the calling thread entered last and has not left, or null. */
  static TrackedContext innermost() {
    Object[] innermost = INNERMOST.get();
    Frame frame = innermost == null ? null : (Frame) innermost[0];
    return frame == null ? null : frame.context;
  }

  /**
   * Notes that the calling thread entered {@code context}.
   *
   * @param tracked finds the tracked context of a context that is not the innermost already
   */
  static void entered(TruffleContext context, Function<TruffleContext, TrackedContext> tracked) {
    Object[] innermost = INNERMOST.get();
    if (innermost == null) {
      innermost = new Object[1];
      INNERMOST.set(innermost); // once per thread; a fault before this line leaves it as it was
    }
    Frame frame = (Frame) innermost[0];
    if (frame != null && frame.context.is(context)) {
      frame.depth++;
    } else {
      innermost(innermost, new Frame(tracked.apply(context), frame));
    }
  }

  /** Notes that the calling thread left {@code context}. */
  static void left(TruffleContext context) {
    Object[] innermost = INNERMOST.get();
    Frame frame = innermost == null ? null : (Frame) innermost[0];
    if (frame == null || !frame.context.is(context)) {
      // An enter made before the instrument was attached: Truffle may report its leave alone.
      return;
    }
    if (frame.depth > 1) {
      frame.depth--;
    } else {
      innermost(innermost, frame.enclosing); // the outermost frame leaves null behind
    }
  }

  /**
   * Drops the calling thread's frames of {@code closed}, a context it closed while inside it:
   * Truffle then leaves it without telling its listeners (closing an engine does so). Other
   * threads cannot be inside a context that closes: it waits for them, or cancels them, and they
   * leave as usual.
   */
  static void closed(TrackedContext closed) {
    Object[] innermost = INNERMOST.get();
    if (innermost == null) {
      return;
    }
    innermost(innermost, without(closed, (Frame) innermost[0]));
  }

  /** Makes {@code frame} the innermost: the thread's lookup first, the one write that can throw. */
  private static void innermost(Object[] innermost, Frame frame) {
    InterpreterLookup.setThreadLookup(frame == null ? null : frame.context);
    innermost[0] = frame;
  }

  private static Frame without(TrackedContext closed, Frame frame) {
    if (frame == null) {
      return null;
    }
    Frame enclosing = without(closed, frame.enclosing);
    if (frame.context == closed) {
      return enclosing;
    }
    return enclosing == frame.enclosing ? frame : new Frame(frame.context, enclosing, frame.depth);
  }

  /** A run of enters of one context by one thread, read and written by that thread only. */
  private static final class Frame {
    final TrackedContext context;
    final Frame enclosing;
    int depth;

    Frame(TrackedContext context, Frame enclosing) {
      this(context, enclosing, 1);
    }

    Frame(TrackedContext context, Frame enclosing, int depth) {
      this.context = context;
      this.enclosing = enclosing;
      this.depth = depth;
    }
  }
}

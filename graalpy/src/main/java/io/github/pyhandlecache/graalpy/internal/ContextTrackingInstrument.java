package io.github.pyhandlecache.graalpy.internal;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ContextLocal;
import com.oracle.truffle.api.TruffleContext;
import com.oracle.truffle.api.instrumentation.ContextsListener;
import com.oracle.truffle.api.instrumentation.ThreadsActivationListener;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.nodes.LanguageInfo;
import java.util.function.Function;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Instrument;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * Tracks which context each thread is inside, for {@link CurrentContextLookup}: a Truffle
 * instrument, created in an engine when the first context of that engine is bound, that keeps
 * {@link EnteredContexts} up to date on every enter and leave of every context of the engine.
 *
 * <p>Truffle finds it on the class path or the module path through the {@code
 * TruffleInstrumentProvider} that Truffle's annotation processor generates from the registration
 * below (with its {@code META-INF/services} file); the module's {@code provides} clause names it
 * too. It does nothing that guest code can see, so any sandbox policy may use it.
 */
@TruffleInstrument.Registration(
    id = ContextTrackingInstrument.ID,
    name = "pyhandlecache context tracking",
    services = ContextTrackingInstrument.class,
    sandbox = SandboxPolicy.UNTRUSTED)
final class ContextTrackingInstrument extends TruffleInstrument {
  static final String ID = "pyhandlecache-context-tracking";

  private final ContextLocal<TrackedContext> trackedContexts =
      locals.createContextLocal(TrackedContext::new);
  private final Function<TruffleContext, TrackedContext> trackedContextOf = trackedContexts::get;

  /** Creates the instrument; Truffle does, once per engine, on the first {@link #track}. */
  ContextTrackingInstrument() {}

  /**
   * Returns the tracked context of {@code context}, creating the instrument in its engine if need
   * be, or null if it cannot be tracked: Truffle did not find this instrument (it finds it wherever
   * it finds its languages, so only an unusual class loader setup or polyglot isolates hide it), or
   * the calling thread can neither enter the context nor is inside it.
   */
  static TrackedContext track(Context context) {
    Instrument instrument = context.getEngine().getInstruments().get(ID);
    ContextTrackingInstrument tracking =
        instrument == null ? null : instrument.lookup(ContextTrackingInstrument.class);
    return tracking == null ? null : tracking.trackedContextOf(context);
  }

  /**
   * The polyglot API does not say which Truffle context a {@link Context} is; a context local read
   * inside it does. So this enters the context once, on the binding thread.
   */
  private TrackedContext trackedContextOf(Context context) {
    try {
      context.enter();
    } catch (IllegalStateException cannotEnter) {
      // The object Context.getCurrent() returns cannot be entered; the thread may be inside it.
      return isCurrent(context) ? trackedContexts.get() : null;
    }
    try {
      return trackedContexts.get();
    } finally {
      context.leave();
    }
  }

  private static boolean isCurrent(Context context) {
    try {
      return Context.getCurrent().equals(context);
    } catch (IllegalStateException inNoContext) {
      return false;
    }
  }

  @Override
  protected void onCreate(Env env) {
    env.registerService(this);
    env.getInstrumenter().attachThreadsActivationListener(new ActivationListener());
    env.getInstrumenter().attachContextsListener(new ClosingListener(), false);
  }

  /** Follows enters and leaves; Truffle calls it on every one, so it is short. */
  private final class ActivationListener implements ThreadsActivationListener {
    // Boundaries: plain Java for Truffle's partial evaluator, which inlines listeners into
    // compiled guest code otherwise.
    @Override
    @TruffleBoundary
    public void onEnterThread(TruffleContext context) {
      EnteredContexts.entered(context, trackedContextOf);
    }

    @Override
    @TruffleBoundary
    public void onLeaveThread(TruffleContext context) {
      EnteredContexts.left(context);
    }
  }

  /** Drops what the module knows of a context when it closes. */
  private final class ClosingListener implements ContextsListener {
    @Override
    public void onContextClosed(TruffleContext context) {
      TrackedContext closed = trackedContexts.get(context);
      closed.closed();
      EnteredContexts.closed(closed); // on the closing thread, the only one still inside
    }

    @Override
    public void onContextCreated(TruffleContext context) {}

    @Override
    public void onLanguageContextCreated(TruffleContext context, LanguageInfo language) {}

    @Override
    public void onLanguageContextInitialized(TruffleContext context, LanguageInfo language) {}

    @Override
    public void onLanguageContextFinalized(TruffleContext context, LanguageInfo language) {}

    @Override
    public void onLanguageContextDisposed(TruffleContext context, LanguageInfo language) {}
  }
}

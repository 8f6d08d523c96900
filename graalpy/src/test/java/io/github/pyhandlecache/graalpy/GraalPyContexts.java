package io.github.pyhandlecache.graalpy;

import java.lang.ref.WeakReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;

/** What the tests share: an engine (contexts on a shared engine start faster), and GC helpers. */
final class GraalPyContexts {
  private GraalPyContexts() {}

  static Engine newEngine() {
    return Engine.newBuilder("python")
        // On a stock JDK Truffle interprets guest code and warns about it on every start.
        .option("engine.WarnInterpreterOnly", "false")
        .build();
  }

  static Context.Builder python(Engine engine) {
    return Context.newBuilder("python").engine(engine);
  }

  /** Collects garbage until {@code reference} is cleared, or gives up after a few seconds. */
  static boolean isCollected(WeakReference<?> reference) throws InterruptedException {
    for (int i = 0; i < 50 && reference.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    return reference.get() == null;
  }
}

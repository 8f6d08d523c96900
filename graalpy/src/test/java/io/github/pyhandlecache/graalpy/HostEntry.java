package io.github.pyhandlecache.graalpy;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * A host object with a cached Python object per interpreter, in both forms, counting the calls of
 * each slow accessor.
 */
class HostEntry {
  final AtomicInteger implicitLookups = new AtomicInteger();
  final AtomicInteger explicitLookups = new AtomicInteger();

  HostEntry() {}

  static HostEntry create() {
    return new PyHandleCached_HostEntry();
  }

  /**
   * The implicit form: a new Python object of the context the calling thread is in.
   *
   * @return a Python {@code object()}, cached per {@link PyInterpreter#current()}
   */
  @PyHandleCached(slots = 4)
  Value pyObject() {
    implicitLookups.incrementAndGet();
    return Context.getCurrent().eval("python", "object()");
  }

  /**
   * The explicit form, with a single slot: a new Python object of {@code interpreter}'s context.
   *
   * @param interpreter the interpreter of an open {@link GraalPyInterpreter}
   * @return a Python {@code object()}, cached for one interpreter at a time
   */
  @PyHandleCached(slots = 1)
  Value pyObjectIn(PyInterpreter interpreter) {
    explicitLookups.incrementAndGet();
    return GraalPyInterpreter.of(interpreter).orElseThrow().context().eval("python", "object()");
  }

  /**
   * What Python code calls back: a host API whose implementation uses the implicit accessor.
   * Public, with an exported method, as the Polyglot API's default host access requires.
   */
  public static final class PythonCallback {
    private final HostEntry entry;

    PythonCallback(HostEntry entry) {
      this.entry = entry;
    }

    /**
     * Calls the implicit accessor.
     *
     * @return {@link HostEntry#pyObject()}
     */
    @HostAccess.Export
    public Value pyObject() {
      return entry.pyObject();
    }
  }
}

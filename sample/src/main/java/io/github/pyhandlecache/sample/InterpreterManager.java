package io.github.pyhandlecache.sample;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;

/**
 * Several GraalPy interpreters in one JVM, as torch::deploy's InterpreterManager runs several
 * CPython interpreters in one process. They share one polyglot {@link Engine}, so that each new
 * context reuses the code the others have already parsed.
 */
final class InterpreterManager implements AutoCloseable {
  private final Engine engine;
  private final Source opsModule;
  private final Map<PyInterpreter, GraalPyInterpreter> byTag = new ConcurrentHashMap<>();

  InterpreterManager() {
    this.engine =
        Engine.newBuilder("python")
            // On a JDK without the Graal compiler, Truffle runs guest code in its interpreter and
            // warns about it on every start; that is expected here, the sample measures the host side.
            .option("engine.WarnInterpreterOnly", "false")
            .build();
    this.opsModule = loadOpsModule();
  }

  /** Names the JDK, and the Truffle runtime: whether it compiles guest code or only interprets it. */
  String hostDescription() {
    return String.format(
        "JDK %s (Truffle runtime: %s)", Runtime.version(), engine.getImplementationName());
  }

  /** Starts a new interpreter with the {@code ops} module loaded. */
  GraalPyInterpreter start(String name) {
    PyInterpreter tag = PyInterpreter.create(name);
    Context context = Context.newBuilder("python").engine(engine).build();
    try {
      context.getBindings("python").putMember("interpreter_name", name);
      context.eval(opsModule);
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
    GraalPyInterpreter interpreter = new GraalPyInterpreter(this, tag, context);
    byTag.put(tag, interpreter);
    return interpreter;
  }

  /**
   * Returns the open interpreter that {@code tag} belongs to.
   *
   * @throws IllegalArgumentException if {@code tag} is null, closed, or not one of this manager's
   */
  GraalPyInterpreter interpreter(PyInterpreter tag) {
    GraalPyInterpreter interpreter = tag == null ? null : byTag.get(tag);
    if (interpreter == null) {
      throw new IllegalArgumentException("no open GraalPy interpreter for " + tag);
    }
    return interpreter;
  }

  void forget(GraalPyInterpreter interpreter) {
    byTag.remove(interpreter.tag(), interpreter);
  }

  /** Closes every interpreter still open, then the engine. */
  @Override
  public void close() {
    List.copyOf(byTag.values()).forEach(GraalPyInterpreter::close);
    engine.close();
  }

  private static Source loadOpsModule() {
    URL url = Objects.requireNonNull(InterpreterManager.class.getResource("ops.py"), "ops.py");
    try {
      return Source.newBuilder("python", url).name("ops.py").build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

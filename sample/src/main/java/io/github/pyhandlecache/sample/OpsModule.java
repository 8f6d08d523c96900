package io.github.pyhandlecache.sample;

import io.github.pyhandlecache.graalpy.GraalPyInterpreter;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The sample's miniature {@code torch.ops} ({@code ops.py}) in each interpreter: starts interpreters
 * with it loaded, and looks operators up in it: the slow path that the caches save.
 *
 * <p>Its lookup functions are exported to each context's polyglot bindings, a host-side map, so
 * that a lookup finds them in a few hundred nanoseconds without keeping any state in Java (a read of
 * the Python module's globals through interop takes microseconds).
 */
final class OpsModule {
  private static final Source SOURCE = load();
  private static final String FIND_OPERATOR = "find_operator";
  private static final String FIND_OVERLOAD_PACKET = "find_overload_packet";

  private OpsModule() {}

  /** Starts a GraalPy interpreter on {@code engine} with {@code ops.py} loaded. */
  static GraalPyInterpreter start(Engine engine, String name) {
    GraalPyInterpreter python =
        GraalPyInterpreter.create(name, Context.newBuilder("python").engine(engine));
    try {
      load(python.context(), name);
      return python;
    } catch (RuntimeException e) {
      python.close();
      throw e;
    }
  }

  /** Evaluates {@code ops.py} into {@code context}, whose operators name {@code interpreterName}. */
  static void load(Context context, String interpreterName) {
    Value module = context.getBindings("python");
    module.putMember("interpreter_name", interpreterName);
    context.eval(SOURCE);
    for (String function : new String[] {FIND_OPERATOR, FIND_OVERLOAD_PACKET}) {
      context.getPolyglotBindings().putMember(function, module.getMember(function));
    }
  }

  /**
   * The slow path of the explicit form: resolves {@code ops.<namespace>.<name>.<overload>} attribute
   * by attribute in {@code interpreter}'s context, as PyTorch's slow accessor does with {@code
   * torch.ops}. (In Python: the attributes are made by {@code __getattr__}, which polyglot member
   * reads do not see.)
   *
   * @throws IllegalArgumentException if {@code interpreter} is not that of an open GraalPy context
   */
  static Value findOperator(PyInterpreter interpreter, OperatorName operator) {
    GraalPyInterpreter python =
        interpreter == null ? null : GraalPyInterpreter.of(interpreter).orElse(null);
    if (python == null) {
      throw new IllegalArgumentException("no open GraalPy interpreter: " + interpreter);
    }
    return function(python.context(), FIND_OPERATOR)
        .execute(operator.namespace(), operator.name(), operator.overload());
  }

  /**
   * The slow path of the implicit form, one level up from {@link #findOperator}: {@code
   * ops.<namespace>.<name>} in the context the calling thread is in.
   *
   * @throws IllegalStateException if the calling thread is in no context ({@link
   *     Context#getCurrent()})
   */
  static Value findOverloadPacket(OperatorName operator) {
    return function(Context.getCurrent(), FIND_OVERLOAD_PACKET)
        .execute(operator.namespace(), operator.name());
  }

  /** The Python implementation and version, as {@code python} reports them. */
  static String implementation(GraalPyInterpreter python) {
    return python
        .context()
        .eval(
            "python",
            "'GraalPy %d.%d.%d (Python %d.%d.%d)'"
                + " % (__import__('sys').implementation.version[:3]"
                + " + __import__('sys').version_info[:3])")
        .asString();
  }

  private static Value function(Context context, String name) {
    return context.getPolyglotBindings().getMember(name);
  }

  private static Source load() {
    URL url = Objects.requireNonNull(OpsModule.class.getResource("ops.py"), "ops.py");
    try {
      return Source.newBuilder("python", url).name("ops.py").build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

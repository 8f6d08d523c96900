package io.github.pyhandlecache.sample;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * One embedded Python interpreter: a GraalPy context with the sample's {@code ops} module, paired
 * with the {@link PyInterpreter} that tags the handles cached for it. Started and looked up through
 * an {@link InterpreterManager}.
 */
final class GraalPyInterpreter implements AutoCloseable {
  private final InterpreterManager manager;
  private final PyInterpreter tag;
  private final Context context;
  private final Value findOperator;
  private final Value findOverloadPacket;
  private final AtomicLong operatorLookups = new AtomicLong();

  GraalPyInterpreter(InterpreterManager manager, PyInterpreter tag, Context context) {
    this.manager = manager;
    this.tag = tag;
    this.context = context;
    Value module = context.getBindings("python");
    this.findOperator = module.getMember("find_operator");
    this.findOverloadPacket = module.getMember("find_overload_packet");
  }

  String name() {
    return tag.name();
  }

  /** The tag of this interpreter's slots in {@code @PyHandleCached} accessors. */
  PyInterpreter tag() {
    return tag;
  }

  Context context() {
    return context;
  }

  /**
   * The slow path: resolves {@code ops.<namespace>.<name>.<overload>} attribute by attribute in this
   * interpreter, as PyTorch's slow accessor does with {@code torch.ops}. (In Python: the attributes
   * are made by {@code __getattr__}, which polyglot member reads do not see.)
   */
  Value findOperator(String namespace, String name, String overload) {
    operatorLookups.incrementAndGet();
    return findOperator.execute(namespace, name, overload);
  }

  /** Same as {@link #findOperator}, one level up: the packet of all overloads of an operator. */
  Value findOverloadPacket(String namespace, String name) {
    operatorLookups.incrementAndGet();
    return findOverloadPacket.execute(namespace, name);
  }

  /** How many times the slow path has run in this interpreter. */
  long operatorLookups() {
    return operatorLookups.get();
  }

  /**
   * Runs {@code body} on this thread inside this interpreter: in its GraalPy context, and with its
   * tag {@linkplain PyInterpreter#current() current}, which the implicit form of a cached accessor
   * reads.
   */
  <T> T call(Supplier<T> body) {
    context.enter();
    try {
      PyInterpreter.Scope scope = tag.enter();
      try {
        return body.get();
      } finally {
        scope.close();
      }
    } finally {
      context.leave();
    }
  }

  /** The Python implementation and version, as this interpreter reports them. */
  String implementation() {
    return eval(
            "'GraalPy %d.%d.%d (Python %d.%d.%d)'"
                + " % (__import__('sys').implementation.version[:3] + __import__('sys').version_info[:3])")
        .asString();
  }

  /** Evaluates a Python expression in this interpreter, for the report and the tests. */
  Value eval(String expression) {
    return context.eval("python", expression);
  }

  boolean isClosed() {
    return tag.isClosed();
  }

  /**
   * Closes the tag first, so that the slots it owns may be reclaimed, then the GraalPy context.
   * Idempotent.
   */
  @Override
  public void close() {
    tag.close();
    manager.forget(this);
    context.close();
  }

  @Override
  public String toString() {
    return "GraalPyInterpreter[" + name() + (isClosed() ? ", closed]" : "]");
  }
}

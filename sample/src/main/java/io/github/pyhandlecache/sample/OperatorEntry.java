package io.github.pyhandlecache.sample;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Value;

/**
 * An operator of a Java-side registry, like PyTorch's {@code c10::impl::OperatorEntry}: it knows
 * its name, and hands each Python interpreter that interpreter's own Python object for it.
 *
 * <p>PyTorch caches that object in one {@code PyHandleCache} slot, so under torch::deploy only the
 * first interpreter is served ({@link SingleSlotOperatorEntry} keeps that layout). Here each
 * accessor has a slot for every interpreter the sample runs at once.
 */
class OperatorEntry {
  /** How many interpreters the sample runs at once: each gets a slot of every accessor. */
  static final int INTERPRETER_SLOTS = 4;

  private final OperatorName name;
  private final AtomicLong slowLookups = new AtomicLong();

  OperatorEntry(OperatorName name) {
    this.name = name;
  }

  static OperatorEntry create(OperatorName name) {
    return new PyHandleCached_OperatorEntry(name);
  }

  OperatorName name() {
    return name;
  }

  /**
   * How many times this entry's slow accessors have run: what the report counts as slow lookups
   * (the calls that a hit saves).
   */
  long slowLookups() {
    return slowLookups.get();
  }

  /**
   * This operator's {@code OpOverload} in {@code interpreter}: {@code
   * ops.<namespace>.<name>.<overload>}. The explicit form, as PyTorch's {@code getPythonOp} takes
   * the interpreter as an argument.
   *
   * @throws IllegalArgumentException if {@code interpreter} is not that of an open GraalPy context
   */
  @PyHandleCached(slots = INTERPRETER_SLOTS)
  Value pythonOp(PyInterpreter interpreter) {
    slowLookups.incrementAndGet();
    return OpsModule.findOperator(interpreter, name);
  }

  /**
   * The {@code OpOverloadPacket} of all overloads of this operator, {@code ops.<namespace>.<name>},
   * in the interpreter the calling thread is in. The implicit form: the tag is {@link
   * PyInterpreter#current()}, the interpreter of a {@code GraalPyInterpreter} scope, or of the
   * GraalPy context that called back into Java.
   *
   * @throws IllegalStateException if the calling thread is in no GraalPy context
   */
  @PyHandleCached(slots = INTERPRETER_SLOTS)
  Value overloadPacket() {
    slowLookups.incrementAndGet();
    return OpsModule.findOverloadPacket(name);
  }

  @Override
  public String toString() {
    return "OperatorEntry[" + name + "]";
  }
}

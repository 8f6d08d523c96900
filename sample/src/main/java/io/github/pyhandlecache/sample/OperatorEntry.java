package io.github.pyhandlecache.sample;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
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

  private final InterpreterManager interpreters;
  private final OperatorName name;

  OperatorEntry(InterpreterManager interpreters, OperatorName name) {
    this.interpreters = interpreters;
    this.name = name;
  }

  static OperatorEntry create(InterpreterManager interpreters, OperatorName name) {
    return new PyHandleCached_OperatorEntry(interpreters, name);
  }

  OperatorName name() {
    return name;
  }

  /**
   * This operator's {@code OpOverload} in {@code interpreter}: {@code
   * ops.<namespace>.<name>.<overload>}. The explicit form, as PyTorch's {@code getPythonOp} takes
   * the interpreter as an argument.
   */
  @PyHandleCached(slots = INTERPRETER_SLOTS)
  Value pythonOp(PyInterpreter interpreter) {
    return interpreters
        .interpreter(interpreter)
        .findOperator(name.namespace(), name.name(), name.overload());
  }

  /**
   * The {@code OpOverloadPacket} of all overloads of this operator, {@code ops.<namespace>.<name>},
   * in the interpreter the calling thread is in. The implicit form: the tag is {@link
   * PyInterpreter#current()}.
   */
  @PyHandleCached(slots = INTERPRETER_SLOTS)
  Value overloadPacket() {
    return interpreters
        .interpreter(PyInterpreter.current())
        .findOverloadPacket(name.namespace(), name.name());
  }

  @Override
  public String toString() {
    return "OperatorEntry[" + name + "]";
  }
}

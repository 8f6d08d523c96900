package golden;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;

abstract class OperatorEntry {
  static OperatorEntry create(String name) {
    return new PyHandleCached_OperatorEntry(name);
  }

  final String name;

  OperatorEntry(String name) {
    this.name = name;
  }

  @PyHandleCached
  Object pythonOp(PyInterpreter interpreter) {
    return interpreter.name() + "::" + name;
  }

  /** The getter form: for the interpreter current on the calling thread. */
  @PyHandleCached
  Object schema() {
    return name + "(Tensor self) -> Tensor";
  }
}

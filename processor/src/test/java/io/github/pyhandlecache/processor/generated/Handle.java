package io.github.pyhandlecache.processor.generated;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * What a slow accessor returns: a new object on every call, recording the interpreter it was
 * computed for, so that tests can check both identity and isolation.
 */
final class Handle {
  final PyInterpreter interpreter;
  final String name;

  Handle(PyInterpreter interpreter, String name) {
    this.interpreter = interpreter;
    this.name = name;
  }

  @Override
  public String toString() {
    return name + "@" + interpreter;
  }
}

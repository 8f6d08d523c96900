package io.github.pyhandlecache.stress.lincheck;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * What the slow accessor of a model returns: a fresh object that says which interpreter it was
 * computed for, which run of the slow accessor made it ({@code i0#3}: its third run, which was
 * for i0), and which call ran it, so that a call can tell its own value from a cached one.
 */
final class Computed {
  final PyInterpreter interpreter;
  final int run;
  final Object call;

  Computed(PyInterpreter interpreter, int run, Object call) {
    this.interpreter = interpreter;
    this.run = run;
    this.call = call;
  }

  @Override
  public String toString() {
    return interpreter.name() + "#" + run;
  }
}

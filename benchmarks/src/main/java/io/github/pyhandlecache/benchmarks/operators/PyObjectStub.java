package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * What every slow accessor in these benchmarks produces: a fresh object standing for a host object
 * inside one interpreter, as wrapping a C++ object in a Python object does. Fresh on every call, so
 * a miss shows its allocation in {@code -prof gc} and a hit shows none.
 */
public record PyObjectStub(PyInterpreter interpreter, String name) {
  /** The slow accessor's work: one allocation, no caching. */
  public static PyObjectStub wrap(PyInterpreter interpreter, String name) {
    return new PyObjectStub(interpreter, name);
  }
}

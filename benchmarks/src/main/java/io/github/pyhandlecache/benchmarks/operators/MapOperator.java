package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.ConcurrentHashMap;

/** A per-object {@code ConcurrentHashMap} keyed by interpreter: tagged, any number of slots. */
public final class MapOperator {
  private final String name;
  private final ConcurrentHashMap<PyInterpreter, PyObjectStub> pyObjects =
      new ConcurrentHashMap<>();

  public MapOperator(String name) {
    this.name = name;
  }

  public PyObjectStub pyObject(PyInterpreter interpreter) {
    // get() first: computeIfAbsent may lock the bin even when the key is there.
    PyObjectStub cached = pyObjects.get(interpreter);
    if (cached != null) {
      return cached;
    }
    return pyObjects.computeIfAbsent(interpreter, owner -> PyObjectStub.wrap(owner, name));
  }
}

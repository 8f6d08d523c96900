package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * {@link ClassValue}: one untagged value per <em>class</em>, not per object, for the handles that
 * belong to a type (a Python type object for a Java class).
 */
public final class ClassValueOperator {
  private static final ClassValue<PyObjectStub> PY_TYPES =
      new ClassValue<>() {
        @Override
        protected PyObjectStub computeValue(Class<?> type) {
          return PyObjectStub.wrap(PyInterpreter.current(), type.getName());
        }
      };

  public PyObjectStub pyType() {
    return PY_TYPES.get(getClass());
  }
}

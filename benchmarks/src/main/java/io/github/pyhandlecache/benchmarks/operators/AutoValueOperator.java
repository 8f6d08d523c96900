package io.github.pyhandlecache.benchmarks.operators;

import com.google.auto.value.AutoValue;
import com.google.auto.value.extension.memoized.Memoized;
import io.github.pyhandlecache.runtime.PyInterpreter;

/** AutoValue's {@code @Memoized}: one untagged value per object, double-checked locking. */
@AutoValue
public abstract class AutoValueOperator {
  public static AutoValueOperator create(String name) {
    return new AutoValue_AutoValueOperator(name);
  }

  public abstract String name();

  @Memoized
  public PyObjectStub pyObject() {
    return PyObjectStub.wrap(PyInterpreter.current(), name());
  }
}

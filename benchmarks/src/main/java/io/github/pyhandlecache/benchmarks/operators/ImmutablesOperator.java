package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.runtime.PyInterpreter;
import org.immutables.value.Value;

/** Immutables' {@code @Value.Lazy}: one untagged value per object, guarded by a volatile bitmap. */
@Value.Immutable
public abstract class ImmutablesOperator {
  public static ImmutablesOperator create(String name) {
    return ImmutableImmutablesOperator.of(name);
  }

  @Value.Parameter
  public abstract String name();

  @Value.Lazy
  public PyObjectStub pyObject() {
    return PyObjectStub.wrap(PyInterpreter.current(), name());
  }
}

package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.runtime.PyInterpreter;
import lombok.Getter;

/** Lombok's {@code @Getter(lazy = true)}: one untagged value per object, in an AtomicReference. */
public final class LombokOperator {
  private final String name;

  @Getter(lazy = true)
  private final PyObjectStub pyObject = PyObjectStub.wrap(PyInterpreter.current(), name());

  public LombokOperator(String name) {
    this.name = name;
  }

  private String name() {
    return name;
  }
}

package io.github.pyhandlecache.benchmarks.hosts;

/** The floor of a hit: the value in a {@code final} field, set by the constructor. */
public final class FieldHost {
  final String name;
  private final Object value;

  public FieldHost(String name) {
    this.name = name;
    this.value = name; // what every slow accessor of this package returns
  }

  public Object value() {
    return value;
  }
}

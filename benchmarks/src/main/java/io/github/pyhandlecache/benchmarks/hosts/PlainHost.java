package io.github.pyhandlecache.benchmarks.hosts;

/** The baseline: a host with no cache. */
public final class PlainHost {
  final String name;

  public PlainHost(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }
}

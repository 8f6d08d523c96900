package io.github.pyhandlecache.sample;

import org.graalvm.polyglot.Engine;

/** Runs the sample: starts GraalPy interpreters and prints what the cached accessors do on them. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    try (Engine engine = SampleEngine.create()) {
      new SampleReport(engine, System.out).run();
    }
  }
}

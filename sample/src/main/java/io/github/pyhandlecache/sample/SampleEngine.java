package io.github.pyhandlecache.sample;

import org.graalvm.polyglot.Engine;

/** The polyglot engine that the sample's interpreters share, so that each reuses parsed code. */
final class SampleEngine {
  private SampleEngine() {}

  static Engine create() {
    return Engine.newBuilder("python")
        // On a JDK without the Graal compiler, Truffle runs guest code in its interpreter and warns
        // about it on every start; that is expected here, the sample measures the host side.
        .option("engine.WarnInterpreterOnly", "false")
        .build();
  }

  /** Names the JDK, and the Truffle runtime: whether it compiles guest code or only interprets it. */
  static String hostDescription(Engine engine) {
    return String.format(
        "JDK %s (Truffle runtime: %s)", Runtime.version(), engine.getImplementationName());
  }
}

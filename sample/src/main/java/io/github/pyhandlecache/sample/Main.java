package io.github.pyhandlecache.sample;

/** Runs the sample: starts GraalPy interpreters and prints what the cached accessors do on them. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    try (InterpreterManager interpreters = new InterpreterManager()) {
      new SampleReport(interpreters, System.out).run();
    }
  }
}

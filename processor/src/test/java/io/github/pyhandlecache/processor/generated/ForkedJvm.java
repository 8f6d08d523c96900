package io.github.pyhandlecache.processor.generated;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program of these tests in a JVM of its own, on this JVM's {@code java} and class path,
 * with the options a test needs (a JIT mode, diagnostics); fails the test unless it exits 0 in time.
 * Plain Java (AssertionError, no JUnit), as every source of this package that is not a test: the
 * Eclipse and fuzz tests compile them with the annotations and the runtime only.
 */
final class ForkedJvm {
  private static final long TIMEOUT_SECONDS = 180;

  private ForkedJvm() {}

  /** Returns what {@code main} printed, with the JVM's own output, once it exited 0. */
  static String run(List<String> options, Class<?> main, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(arguments));
    // Printed into a file in target/: a test that fails names it, and it stays for a look.
    Path output = Files.createTempFile(Path.of("target"), main.getSimpleName() + "-", ".log");
    Process jvm = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    if (!jvm.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      jvm.destroyForcibly().waitFor();
      throw new AssertionError(main.getSimpleName() + "'s JVM did not exit within "
          + TIMEOUT_SECONDS + " s: " + read(output));
    }
    String printed = read(output);
    if (jvm.exitValue() != 0) {
      throw new AssertionError(main.getSimpleName() + "'s JVM exited with " + jvm.exitValue()
          + " (" + output + "): " + printed);
    }
    return printed;
  }

  private static String read(Path output) throws IOException {
    return new String(Files.readAllBytes(output), StandardCharsets.UTF_8).strip();
  }
}

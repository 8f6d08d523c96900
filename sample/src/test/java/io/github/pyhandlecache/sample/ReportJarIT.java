package io.github.pyhandlecache.sample;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.jfr.CacheEventSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The report tool as users run it (README, "Seeing what the cache does"): {@code java -jar
 * pyhandlecache-jfr.jar rec.jfr} on a real recording of the sample's torch::deploy calls, which
 * {@link OperatorEntryTest} recorded earlier in the build. It prints what the library's {@code
 * format()} does, with the advice to raise the single slot's count.
 */
class ReportJarIT {
  private static final Path RECORDING = Path.of("target", "torch-deploy-test.jfr");

  @Test
  void theReportsOwnJarSummarisesARecordingOfTheSample() throws Exception {
    assertTrue(Files.isRegularFile(RECORDING), RECORDING + ", made by OperatorEntryTest");
    Path jar = Path.of(System.getProperty("pyhandlecache.jfrJar"));
    assertTrue(jar.getFileName().toString().endsWith(".jar"), "the jfr module's jar: " + jar);
    Process report = new ProcessBuilder(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), RECORDING.toString()))
        .redirectErrorStream(true)
        .start();
    String printed = new String(report.getInputStream().readAllBytes(), UTF_8);
    assertTrue(report.waitFor(60, TimeUnit.SECONDS), "the report ended");

    assertEquals(0, report.exitValue(), printed);
    assertEquals(CacheEventSummary.read(RECORDING).format(), printed);
    assertTrue(printed.contains("SingleSlotOperatorEntry.pythonOp(PyInterpreter): raise slots (now 1)"),
        printed);
  }
}

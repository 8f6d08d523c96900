package io.github.pyhandlecache.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.JavaFileObjects;
import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.processor.BrokenVariants.Variant;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken variants of the test tree's annotated sources ({@link BrokenVariants}), each compiled with
 * the processor: whatever the input, the processor reports in javac's voice or stays silent, and
 * never crashes (README, "Rules, checked at compile time"). Its last-resort "please report this
 * bug" is for bugs, and none of these inputs is one.
 */
class FuzzTest {
  private static final long SEED = 20261125L;
  private static final int VARIANTS_PER_SOURCE = 75;
  private static final int MINIMUM_VARIANTS = 400;

  private static final Path TEST_TREE = Path.of(System.getProperty("basedir", "."), "src/test");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern ANNOTATED = Pattern.compile("(?m)^\\s*@PyHandleCached\\b");
  private static final Pattern GENERATED_FILE = Pattern.compile("PyHandleCached_\\w+\\.java$");

  /** An annotated source to break, and the unbroken sources it needs next to it. */
  private record Seed(Path file, List<Path> companions) {}

  @Test
  void processorNeverCrashesOnBrokenSources(@TempDir Path output) throws Exception {
    List<Seed> seeds = seeds();
    assertThat(seeds).isNotEmpty();
    List<String> options =
        List.of(
            "-classpath", classPath(),
            "-implicit:none",
            "-d", Files.createDirectories(output.resolve("classes")).toString(),
            "-s", Files.createDirectories(output.resolve("generated")).toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    BrokenVariants variants = new BrokenVariants(SEED);
    List<String> problems = new ArrayList<>();
    int run = 0;
    int clean = 0;
    long start = System.nanoTime();
    long startCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, UTF_8)) {
      for (Seed seed : seeds) {
        String source = Files.readString(seed.file(), UTF_8);
        String name = qualifiedName(seed.file(), source);
        // The unbroken source compiles: else its variants would fail for another reason.
        assertWithMessage("%s compiles", seed.file())
            .that(compile(javac, files, options, units(files, seed, name, source), "", problems))
            .isTrue();
        for (Variant variant : variants.of(source, VARIANTS_PER_SOURCE)) {
          String label = TEST_TREE.relativize(seed.file()) + ": " + variant.description();
          run++;
          if (compile(
              javac, files, options, units(files, seed, name, variant.source()), label, problems)) {
            clean++;
          }
        }
      }
    }
    // CPU time too: on a shared machine the wall time says more about the neighbours.
    System.out.printf(
        "FuzzTest: %d variants of %d sources in %.1f s (%.1f s CPU): %d compiled cleanly,"
            + " %d had errors%n",
        run,
        seeds.size(),
        (System.nanoTime() - start) / 1e9,
        (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - startCpu) / 1e9,
        clean,
        run - clean);
    assertWithMessage("%s problems:\n%s", problems.size(), String.join("\n\n", problems))
        .that(problems)
        .isEmpty();
    assertThat(run).isAtLeast(MINIMUM_VARIANTS);
  }

  private static List<JavaFileObject> units(
      StandardJavaFileManager files, Seed seed, String name, String source) {
    List<JavaFileObject> units = new ArrayList<>();
    units.add(JavaFileObjects.forSourceString(name, source));
    files.getJavaFileObjectsFromPaths(seed.companions()).forEach(units::add);
    return units;
  }

  /** Compiles one variant; returns whether it compiled without errors, adds what went wrong. */
  private static boolean compile(
      JavaCompiler javac,
      StandardJavaFileManager files,
      List<String> options,
      List<JavaFileObject> units,
      String label,
      List<String> problems) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, units);
    task.setProcessors(List.of(new PyHandleCacheProcessor()));
    boolean compiled;
    try {
      compiled = task.call();
    } catch (RuntimeException | Error e) { // javac rethrows what a processor throws
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      problems.add(label + "\n  javac threw " + trace);
      return false;
    }
    boolean errors = false;
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      errors |= diagnostic.getKind() == Diagnostic.Kind.ERROR;
      crashSign(diagnostic)
          .ifPresent(sign -> problems.add(label + "\n  " + sign + ": " + describe(diagnostic)));
    }
    return compiled && !errors;
  }

  /** What in a diagnostic shows that the processor crashed or wrote code that does not compile. */
  private static Optional<String> crashSign(Diagnostic<? extends JavaFileObject> diagnostic) {
    String message = diagnostic.getMessage(Locale.ROOT);
    if (message.contains("please report this bug")) {
      return Optional.of("a bug report");
    }
    if (message.contains("\tat ")) {
      return Optional.of("a stack trace");
    }
    // Only the processor's own messages: javac's name exception types ("unreported exception").
    if (isFromAProcessor(diagnostic) && message.contains("Exception")) {
      return Optional.of("an exception");
    }
    if (diagnostic.getKind() == Diagnostic.Kind.ERROR
        && diagnostic.getSource() != null
        && GENERATED_FILE.matcher(diagnostic.getSource().getName()).find()) {
      return Optional.of("generated code that does not compile");
    }
    return Optional.empty();
  }

  /** Messager output has its own diagnostic codes, e.g. {@code compiler.err.proc.messager}. */
  private static boolean isFromAProcessor(Diagnostic<?> diagnostic) {
    return diagnostic.getCode() != null && diagnostic.getCode().endsWith(".proc.messager");
  }

  private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
    String file = diagnostic.getSource() == null ? "" : diagnostic.getSource().getName();
    return file + ":" + diagnostic.getLineNumber() + ": " + diagnostic.getKind() + ": "
        + diagnostic.getMessage(Locale.ROOT);
  }

  /**
   * The annotated sources of the behaviour tests (with the other model classes of their package,
   * e.g. {@code Handle}, unbroken), the golden sources and the lint source.
   */
  private static List<Seed> seeds() throws IOException {
    Path model = TEST_TREE.resolve("java/io/github/pyhandlecache/processor/generated");
    List<Path> modelFiles = javaFilesIn(model);
    List<Path> annotated = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    for (Path file : modelFiles) {
      if (ANNOTATED.matcher(Files.readString(file, UTF_8)).find()) {
        annotated.add(file);
      } else if (!file.getFileName().toString().endsWith("Test.java")) {
        others.add(file);
      }
    }
    // A companion compiles next to any one seed, so it may not use another seed's class.
    List<Path> companions = new ArrayList<>();
    for (Path file : others) {
      String source = Files.readString(file, UTF_8);
      if (annotated.stream().noneMatch(seed -> mentions(source, seed))) {
        companions.add(file);
      }
    }
    List<Seed> seeds = new ArrayList<>();
    annotated.forEach(file -> seeds.add(new Seed(file, companions)));
    for (String resources : List.of("resources/golden", "resources/lint")) {
      javaFilesIn(TEST_TREE.resolve(resources)).forEach(file -> seeds.add(new Seed(file, List.of())));
    }
    return seeds;
  }

  private static boolean mentions(String source, Path file) {
    String simpleName = file.getFileName().toString().replaceFirst("\\.java$", "");
    return Pattern.compile("\\b" + simpleName + "\\b").matcher(source).find();
  }

  private static List<Path> javaFilesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".java"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static String qualifiedName(Path file, String source) {
    String simpleName = file.getFileName().toString().replaceFirst("\\.java$", "");
    Matcher matcher = PACKAGE.matcher(source);
    return matcher.find() ? matcher.group(1) + "." + simpleName : simpleName;
  }

  /** Only what users have: the annotations and the runtime, not this module's test classes. */
  private static String classPath() throws URISyntaxException {
    return String.join(
        File.pathSeparator, locationOf(PyHandleCached.class), locationOf(PyInterpreter.class));
  }

  private static String locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}

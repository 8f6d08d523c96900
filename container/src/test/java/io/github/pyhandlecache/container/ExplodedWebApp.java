package io.github.pyhandlecache.container;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.servlet.http.HttpServlet;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A web application laid out as a directory: the runtime jar in {@code WEB-INF/lib}, and in {@code
 * WEB-INF/classes} the sources of {@code src/test/webapp/common} and of one variant, compiled here
 * by javac with the processor jar on its processor path. So every class of the runtime and of the
 * application is loaded by Tomcat's web application class loader, none by the test's.
 *
 * <p>The jars are this reactor's unless the system properties {@code pyhandlecache.runtimeJar},
 * {@code pyhandlecache.annotationsJar} and {@code pyhandlecache.processorJar} name others (another
 * build's, say); the annotations jar is only compiled against, as users have it.
 */
final class ExplodedWebApp {
  private static final Path SOURCES = Path.of(System.getProperty("container.webAppSources"));

  private ExplodedWebApp() {}

  /** Builds the web application of {@code variant} into {@code docBase}, emptied first. */
  static Path build(String variant, Path docBase) throws IOException {
    // Generated sources stay beside the web application, not in it.
    Path generated = docBase.resolveSibling(docBase.getFileName() + "-generated");
    deleteRecursively(docBase);
    deleteRecursively(generated);
    Files.createDirectories(generated);
    Path classes = Files.createDirectories(docBase.resolve("WEB-INF/classes"));
    Path lib = Files.createDirectories(docBase.resolve("WEB-INF/lib"));
    Files.copy(SOURCES.resolve("web.xml"), docBase.resolve("WEB-INF/web.xml"));
    Path runtimeJar = jar("pyhandlecache.runtimeJar");
    Files.copy(runtimeJar, lib.resolve(runtimeJar.getFileName()));

    compile(
        List.of(SOURCES.resolve("common"), SOURCES.resolve(variant)),
        List.of(
            "--release", "17",
            "-classpath", pathOf(runtimeJar, jar("pyhandlecache.annotationsJar"), servletApi()),
            "-processorpath", jar("pyhandlecache.processorJar").toString(),
            "-d", classes.toString(),
            "-s", generated.toString()));
    return docBase;
  }

  private static void compile(List<Path> sourceRoots, List<String> options) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, UTF_8)) {
      Iterable<? extends JavaFileObject> sources =
          files.getJavaFileObjectsFromPaths(javaFiles(sourceRoots));
      compiled = javac.getTask(null, files, diagnostics, options, null, sources).call();
    }
    if (!compiled) {
      String errors =
          diagnostics.getDiagnostics().stream()
              .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
              .map(Object::toString)
              .collect(Collectors.joining("\n"));
      throw new IllegalStateException("javac failed on " + sourceRoots + ":\n" + errors);
    }
  }

  private static List<Path> javaFiles(List<Path> sourceRoots) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : sourceRoots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(path -> path.toString().endsWith(".java")).forEach(files::add);
      }
    }
    return files;
  }

  private static Path jar(String property) {
    String path = System.getProperty(property);
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      throw new IllegalStateException(
          property + " must name a jar (the pom sets it to this reactor's), not " + path);
    }
    return Path.of(path);
  }

  /** Tomcat's jar, which holds the Servlet API the application compiles against. */
  private static Path servletApi() {
    try {
      return Path.of(HttpServlet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pathOf(Path... entries) {
    return Stream.of(entries).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}

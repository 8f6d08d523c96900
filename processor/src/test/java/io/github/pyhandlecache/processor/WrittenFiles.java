package io.github.pyhandlecache.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the processor writes for a source that does not compile: compile-testing only shows the
 * generated files of a successful compilation.
 */
final class WrittenFiles {
  private WrittenFiles() {}

  /** Runs only annotation processing on {@code sources} and lists the files the processor wrote. */
  static List<String> of(JavaFileObject... sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      Path output = Files.createTempDirectory("pyhandlecache-written");
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              files,
              diagnostic -> {},
              List.of(
                  "-proc:only",
                  "-s", output.toString(),
                  "-classpath", System.getProperty("java.class.path")),
              null,
              List.of(sources));
      task.setProcessors(List.of(new PyHandleCacheProcessor()));
      task.call();
      try (Stream<Path> written = Files.walk(output)) {
        return written
            .filter(Files::isRegularFile)
            .map(path -> output.relativize(path).toString())
            .sorted()
            .collect(Collectors.toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

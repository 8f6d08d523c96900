package io.github.pyhandlecache.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The processor jar as users get it (README, "Adding it to a build"): JavaPoet is inside it under
 * our package, the registration files survive shading, and it works as the only entry of javac's
 * processor path. Runs after the shade plugin has written the jar (failsafe, integration-test).
 */
class ShadedJarIT {
  private static final String SHADED_JAVAPOET = "io/github/pyhandlecache/processor/shaded/javapoet/";

  private final Path jar = Path.of(System.getProperty("pyhandlecache.processorJar"));

  @Test
  void javaPoetIsRelocatedIntoTheJar() throws IOException {
    List<String> entries = entries();
    assertThat(entries.stream().filter(name -> name.startsWith("com/palantir/"))).isEmpty();
    assertThat(entries).contains(SHADED_JAVAPOET + "JavaFile.class");
    assertThat(entries).contains(SHADED_JAVAPOET + "TypeSpec.class");
    assertThat(entries).contains("io/github/pyhandlecache/processor/PyHandleCacheProcessor.class");
  }

  @Test
  void registrationFilesSurviveShading() throws IOException {
    try (JarFile jarFile = new JarFile(jar.toFile())) {
      assertThat(read(jarFile, "META-INF/services/javax.annotation.processing.Processor"))
          .isEqualTo(PyHandleCacheProcessor.class.getName());
      assertThat(read(jarFile, "META-INF/gradle/incremental.annotation.processors"))
          .isEqualTo(PyHandleCacheProcessor.class.getName() + ",isolating");
    }
  }

  @Test
  void publishedPomDoesNotDependOnJavaPoet() throws Exception {
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new File(System.getProperty("pyhandlecache.dependencyReducedPom")));
    XPath xpath = XPathFactory.newInstance().newXPath();
    assertThat(xpath.evaluate("/project/artifactId", pom)).isEqualTo("pyhandlecache-processor");
    NodeList dependencies =
        (NodeList)
            xpath.evaluate("/project/dependencies/dependency/artifactId", pom, XPathConstants.NODESET);
    List<String> artifactIds = new ArrayList<>();
    for (int i = 0; i < dependencies.getLength(); i++) {
      artifactIds.add(dependencies.item(i).getTextContent());
    }
    assertThat(artifactIds).isNotEmpty(); // the test-scoped ones stay
    assertThat(artifactIds).doesNotContain("javapoet");
  }

  @Test
  void jarAloneOnTheProcessorPathGeneratesTheSubclass(@TempDir Path temp) throws Exception {
    Path sources = Files.createDirectories(temp.resolve("src/p"));
    Path source = sources.resolve("Entry.java");
    Files.writeString(
        source,
        String.join(
            "\n",
            "package p;",
            "",
            "import io.github.pyhandlecache.annotations.PyHandleCached;",
            "import io.github.pyhandlecache.runtime.PyInterpreter;",
            "",
            "abstract class Entry {",
            "  @PyHandleCached Object op(PyInterpreter interpreter) { return new Object(); }",
            "}",
            ""),
        UTF_8);
    Path classes = Files.createDirectories(temp.resolve("classes"));
    Path generated = Files.createDirectories(temp.resolve("generated"));
    String classPath =
        String.join(File.pathSeparator, locationOf(PyHandleCached.class), locationOf(PyInterpreter.class));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, UTF_8)) {
      compiled =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of(
                      "--release", "17",
                      "-processorpath", jar.toString(),
                      "-classpath", classPath,
                      "-d", classes.toString(),
                      "-s", generated.toString()),
                  null,
                  files.getJavaFileObjects(source))
              .call();
    }

    assertWithMessage("%s", diagnostics.getDiagnostics()).that(compiled).isTrue();
    assertThat(
            diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR))
        .isEmpty();
    assertThat(Files.exists(generated.resolve("p/PyHandleCached_Entry.java"))).isTrue();
    assertThat(Files.exists(classes.resolve("p/PyHandleCached_Entry.class"))).isTrue();
  }

  private List<String> entries() throws IOException {
    try (JarFile jarFile = new JarFile(jar.toFile())) {
      return jarFile.stream().map(JarEntry::getName).collect(Collectors.toList());
    }
  }

  private static String read(JarFile jarFile, String name) throws IOException {
    JarEntry entry = jarFile.getJarEntry(name);
    assertWithMessage("%s in the jar", name).that(entry).isNotNull();
    return new String(jarFile.getInputStream(entry).readAllBytes(), UTF_8).trim();
  }

  /** The jar or classes directory that {@code type} was loaded from: this build's, not ~/.m2's. */
  private static String locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}

package io.github.pyhandlecache.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.File;
import java.io.Writer;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour-test model (the annotated classes of the {@code generated} test package) compiled
 * by Eclipse's compiler, as Eclipse users and AutoValue's {@code CompileWithEclipseTest} do:
 * the processor runs under ECJ's implementation of javax.lang.model, its code compiles there, and
 * the classes ECJ wrote behave as the README's "What a call does" says.
 */
class EclipseCompilerTest {
  private static final String MODEL_PACKAGE = "io.github.pyhandlecache.processor.generated";
  private static final Path MODEL_SOURCES =
      Path.of(System.getProperty("basedir", "."), "src/test/java")
          .resolve(MODEL_PACKAGE.replace('.', '/'));

  @TempDir static Path output;

  private static List<Diagnostic<? extends JavaFileObject>> diagnostics;
  private static boolean compiled;

  @BeforeAll
  static void compileTheModelWithEcj() throws Exception {
    JavaCompiler ecj = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = ecj.getStandardFileManager(collector, Locale.ROOT, UTF_8)) {
      // Set on the file manager: ECJ's otherwise starts from java.class.path, where this module's
      // javac-built model classes are, and then refuses to write what "already exists".
      files.setLocation(StandardLocation.CLASS_PATH, classPath());
      JavaCompiler.CompilationTask task =
          ecj.getTask(
              Writer.nullWriter(), // ECJ would print every diagnostic again; the collector has them
              files,
              collector,
              List.of(
                  "-source", "17",
                  "-target", "17",
                  "-d", Files.createDirectories(output.resolve("classes")).toString(),
                  "-s", Files.createDirectories(output.resolve("generated")).toString()),
              null,
              files.getJavaFileObjectsFromPaths(modelSources()));
      task.setProcessors(List.of(new PyHandleCacheProcessor()));
      compiled = task.call();
    }
    diagnostics = collector.getDiagnostics();
    List<String> generatedFileWarnings = describe(warningsInGeneratedFiles());
    System.out.printf(
        "EclipseCompilerTest: %d warnings in generated files%s%n",
        generatedFileWarnings.size(),
        generatedFileWarnings.isEmpty() ? "" : ":\n  " + String.join("\n  ", generatedFileWarnings));
  }

  @Test
  void compilesWithoutErrors() {
    List<String> errors =
        describe(
            diagnostics.stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .collect(Collectors.toList()));
    assertWithMessage("ECJ errors:\n%s", String.join("\n", errors)).that(errors).isEmpty();
    assertThat(compiled).isTrue();
    assertThat(Files.exists(generatedClass("PyHandleCached_OperatorEntry"))).isTrue();
    assertThat(Files.exists(generatedClass("PyHandleCached_Registry_Crowded"))).isTrue();
    assertThat(Files.exists(generatedClass("PyHandleCached_TensorStats"))).isTrue();
  }

  @Test
  void generatedCodeDrawsNoWarning() {
    List<String> warnings = describe(warningsInGeneratedFiles());
    assertWithMessage("ECJ warnings in generated files:\n%s", String.join("\n", warnings))
        .that(warnings)
        .isEmpty();
  }

  @Test
  void hitReturnsTheCachedInstanceWithoutCallingTheSlowAccessor() throws Exception {
    try (EcjClasses classes = new EcjClasses()) {
      Object python = classes.interpreter("python");
      Object entry = classes.operatorEntry("aten::add");
      Object first = classes.call(entry, "pythonOp", python);
      Object second = classes.call(entry, "pythonOp", python);
      assertThat(second).isSameInstanceAs(first);
      assertThat(classes.counter(entry, "explicitCalls")).isEqualTo(1);
    }
  }

  @Test
  void implicitFormCachesForTheEnteredInterpreter() throws Exception {
    try (EcjClasses classes = new EcjClasses()) {
      Object python = classes.interpreter("python");
      Object entry = classes.operatorEntry("aten::add");
      Object first;
      Object second;
      try (AutoCloseable scope = (AutoCloseable) classes.call(python, "enter")) {
        first = classes.call(entry, "pyObject");
        second = classes.call(entry, "pyObject");
      }
      assertThat(second).isSameInstanceAs(first);
      assertThat(classes.counter(entry, "implicitCalls")).isEqualTo(1);
    }
  }

  @Test
  void twoInterpretersGetTheirOwnValues() throws Exception {
    try (EcjClasses classes = new EcjClasses()) {
      Object a = classes.interpreter("a");
      Object b = classes.interpreter("b");
      Object crowded = classes.newInstance("Registry$Crowded");
      Object forA = classes.call(crowded, "op", a);
      Object forB = classes.call(crowded, "op", b);
      assertThat(classes.field(forA, "interpreter")).isSameInstanceAs(a);
      assertThat(classes.field(forB, "interpreter")).isSameInstanceAs(b);
      assertThat(classes.call(crowded, "op", a)).isSameInstanceAs(forA);
      assertThat(classes.call(crowded, "op", b)).isSameInstanceAs(forB);
      assertThat(classes.counter(crowded, "calls")).isEqualTo(2);
    }
  }

  @Test
  void nullInterpreterNeverCaches() throws Exception {
    try (EcjClasses classes = new EcjClasses()) {
      Object entry = classes.operatorEntry("aten::add");
      Object first = classes.call(entry, "pythonOp", (Object) null);
      Object second = classes.call(entry, "pythonOp", (Object) null);
      assertThat(second).isNotSameInstanceAs(first);
      assertThat(classes.counter(entry, "explicitCalls")).isEqualTo(2);
    }
  }

  /**
   * The classes ECJ wrote, with a runtime of their own, in a loader that cannot see the javac
   * build of the same model in this module's test classes.
   */
  private static final class EcjClasses implements AutoCloseable {
    private final URLClassLoader loader;
    private final Class<?> interpreterType;

    EcjClasses() throws Exception {
      loader =
          new URLClassLoader(
              new URL[] {
                output.resolve("classes").toUri().toURL(),
                Path.of(locationOf(PyInterpreter.class)).toUri().toURL()
              },
              ClassLoader.getPlatformClassLoader());
      interpreterType = loader.loadClass(PyInterpreter.class.getName());
    }

    Object interpreter(String name) throws Exception {
      return interpreterType.getMethod("create", String.class).invoke(null, name);
    }

    Object operatorEntry(String name) throws Exception {
      return call(modelClass("OperatorEntry"), "create", name);
    }

    /** Instantiates the generated subclass of a model class, through its no-arg constructor. */
    Object newInstance(String modelClass) throws Exception {
      var constructor =
          modelClass(MODEL_PACKAGE + ".PyHandleCached_" + modelClass.replace('$', '_'))
              .getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    }

    /** Calls a static method on a class, or an instance method (through any override). */
    Object call(Object target, String name, Object... arguments) throws Exception {
      boolean isStatic = target instanceof Class;
      for (Class<?> type = isStatic ? (Class<?>) target : target.getClass();
          type != null;
          type = type.getSuperclass()) {
        for (Method method : type.getDeclaredMethods()) {
          if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
            method.setAccessible(true);
            return method.invoke(isStatic ? null : target, arguments);
          }
        }
      }
      throw new NoSuchMethodException(name);
    }

    Object field(Object target, String name) throws Exception {
      for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
        for (var field : type.getDeclaredFields()) {
          if (field.getName().equals(name)) {
            field.setAccessible(true);
            return field.get(target);
          }
        }
      }
      throw new NoSuchFieldException(name);
    }

    int counter(Object target, String name) throws Exception {
      return ((AtomicInteger) field(target, name)).get();
    }

    private Class<?> modelClass(String name) throws ClassNotFoundException {
      Class<?> type =
          loader.loadClass(name.startsWith(MODEL_PACKAGE) ? name : MODEL_PACKAGE + "." + name);
      assertThat(type.getClassLoader()).isSameInstanceAs(loader);
      return type;
    }

    @Override
    public void close() throws Exception {
      loader.close();
    }
  }

  private static List<Diagnostic<? extends JavaFileObject>> warningsInGeneratedFiles() {
    return diagnostics.stream()
        .filter(
            diagnostic ->
                diagnostic.getKind() == Diagnostic.Kind.WARNING
                    || diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .filter(
            diagnostic ->
                diagnostic.getSource() != null
                    && Path.of(diagnostic.getSource().getName())
                        .getFileName()
                        .toString()
                        .startsWith(CachedClassFactory.GENERATED_PREFIX))
        .collect(Collectors.toList());
  }

  /** {@code File.java:12: message}, for a failure message that says where to look. */
  private static List<String> describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .map(
            diagnostic ->
                (diagnostic.getSource() == null
                        ? "<no file>"
                        : Path.of(diagnostic.getSource().getName()).getFileName().toString())
                    + ":" + diagnostic.getLineNumber() + ": "
                    + diagnostic.getKind().toString().toLowerCase(Locale.ROOT) + ": "
                    + diagnostic.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  private static Path generatedClass(String simpleName) {
    return output.resolve("classes").resolve(MODEL_PACKAGE.replace('.', '/')).resolve(simpleName + ".class");
  }

  /** The model: every source of the package but the tests. */
  private static List<Path> modelSources() throws Exception {
    try (Stream<Path> files = Files.list(MODEL_SOURCES)) {
      List<Path> sources =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .filter(file -> !file.toString().endsWith("Test.java"))
              .sorted()
              .collect(Collectors.toList());
      assertThat(sources).isNotEmpty();
      return sources;
    }
  }

  /** Only what users have: the annotations and the runtime. */
  private static List<File> classPath() throws URISyntaxException {
    return List.of(
        new File(locationOf(PyHandleCached.class)), new File(locationOf(PyInterpreter.class)));
  }

  private static String locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}

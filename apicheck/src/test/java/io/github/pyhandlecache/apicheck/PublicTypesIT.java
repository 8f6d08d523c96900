package io.github.pyhandlecache.apicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The public types of each published jar, as the jar holds them, and nothing else (SPEC.md, "Maven
 * coordinates and packages"): the runtime's public package holds PyInterpreter and PyHandleCache,
 * what generated code calls is in its {@code internal} package, tools live in modules of their own;
 * graalpy's service providers are public in a package its module does not export.
 */
class PublicTypesIT {
  private static final Path ROOT = Path.of(System.getProperty("pyhandlecache.jars"));
  private static final String VERSION = System.getProperty("pyhandlecache.version");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "annotations | io.github.pyhandlecache.annotations.PyHandleCached",
    "runtime | io.github.pyhandlecache.runtime.PyHandleCache io.github.pyhandlecache.runtime.PyInterpreter"
        + " io.github.pyhandlecache.runtime.PyInterpreter$Scope"
        + " io.github.pyhandlecache.runtime.internal.AccessorSlots"
        + " io.github.pyhandlecache.runtime.internal.Claim"
        + " io.github.pyhandlecache.runtime.internal.InterpreterThread"
        + " io.github.pyhandlecache.runtime.internal.MissEvents"
        + " io.github.pyhandlecache.runtime.internal.Registrations"
        + " io.github.pyhandlecache.runtime.internal.SlotTable"
        + " io.github.pyhandlecache.runtime.internal.ThreadState"
        + " io.github.pyhandlecache.runtime.spi.InterpreterLookup",
    "processor | io.github.pyhandlecache.processor.PyHandleCacheProcessor",
    "graalpy | io.github.pyhandlecache.graalpy.GraalPyInterpreter"
        + " io.github.pyhandlecache.graalpy.GraalPyInterpreter$Scope"
        + " io.github.pyhandlecache.graalpy.internal.ContextTrackingInstrumentProvider"
        + " io.github.pyhandlecache.graalpy.internal.CurrentContextLookup",
    "jfr | io.github.pyhandlecache.jfr.AccessorRow io.github.pyhandlecache.jfr.CacheEventNames"
        + " io.github.pyhandlecache.jfr.CacheEventSummary io.github.pyhandlecache.jfr.TextTable",
  })
  void eachJarHasThesePublicTypesAndNoOther(String module, String expected) throws Exception {
    Set<String> publicTypes = publicTypes(jar(module));
    // The processor carries JavaPoet, relocated (ShadedJarIT checks it): not its API either way.
    publicTypes.removeIf(type -> type.startsWith("io.github.pyhandlecache.processor.shaded."));
    assertEquals(new TreeSet<>(Set.of(expected.split(" "))), publicTypes, module);
  }

  @Test
  void theRuntimeJarHasNoMain() throws Exception {
    Path runtime = jar("runtime");
    try (JarFile jar = new JarFile(runtime.toFile())) {
      assertNull(jar.getManifest().getMainAttributes().getValue("Main-Class"));
    }
    for (String type : publicTypes(runtime)) {
      for (Method method : load(runtime, type).getDeclaredMethods()) {
        assertTrue(!method.getName().equals("main") || !Modifier.isStatic(method.getModifiers()),
            type + " has a main method");
      }
    }
  }

  private static Path jar(String module) {
    Path jar = ROOT.resolve(module).resolve("target")
        .resolve("pyhandlecache-" + module + "-" + VERSION + ".jar");
    assertTrue(Files.isRegularFile(jar), jar + " was built");
    return jar;
  }

  /** The binary names of the public types of {@code jar}: public, and nested in public types only. */
  private static Set<String> publicTypes(Path jar) throws IOException, ClassNotFoundException {
    Set<String> types = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
        String name = entry.getName();
        if (name.endsWith(".class") && !name.endsWith("module-info.class")
            && !name.endsWith("package-info.class") && !name.startsWith("META-INF/")) {
          String type = name.substring(0, name.length() - ".class".length()).replace('/', '.');
          if (isAccessible(load(jar, type))) {
            types.add(type);
          }
        }
      }
    }
    return types;
  }

  private static boolean isAccessible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> load(Path jar, String type) throws IOException, ClassNotFoundException {
    URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        PublicTypesIT.class.getClassLoader());
    return Class.forName(type, false, loader);
  }
}

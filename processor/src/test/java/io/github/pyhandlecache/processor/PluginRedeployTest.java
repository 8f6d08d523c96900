package io.github.pyhandlecache.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Nothing kept behind" (README, "Guarantees"): an application keeps one interpreter open for its
 * whole life and redeploys a plugin, whose own class loader holds annotated classes, 20 times; each
 * deploy claims slots with that interpreter and is then dropped. The interpreter's registrations
 * must not keep the plugins' classes, hence their loaders, reachable.
 */
class PluginRedeployTest {
  private static final int DEPLOYS = 20;

  private static Path plugin;

  @BeforeAll
  static void compilePlugin() throws IOException {
    Path sources = Files.createTempDirectory("pyhandlecache-plugin-sources");
    Files.createDirectories(sources.resolve("plugin"));
    Files.writeString(sources.resolve("plugin/Entry.java"), String.join("\n",
        "package plugin;",
        "import io.github.pyhandlecache.annotations.PyHandleCached;",
        "import io.github.pyhandlecache.runtime.PyInterpreter;",
        "abstract class Entry {",
        "  final String name;",
        "  Entry(String name) { this.name = name; }",
        "  @PyHandleCached Object pyObject(PyInterpreter interpreter) {",
        "    return interpreter.name() + \"::\" + name;",
        "  }",
        "  @PyHandleCached(slots = 4) Object shared(PyInterpreter interpreter) {",
        "    return new Object();",
        "  }",
        "}"));
    Files.writeString(sources.resolve("plugin/Plugin.java"), String.join("\n",
        "package plugin;",
        "import io.github.pyhandlecache.runtime.PyInterpreter;",
        "public final class Plugin {",
        "  /** Claims a slot of each of {@code count} new entries, and returns how many hit after. */",
        "  public static int deploy(PyInterpreter interpreter, int count) {",
        "    int hits = 0;",
        "    for (int i = 0; i < count; i++) {",
        "      Entry entry = new PyHandleCached_Entry(\"op\" + i);",
        "      hits += entry.pyObject(interpreter) == entry.pyObject(interpreter) ? 1 : 0;",
        "      hits += entry.shared(interpreter) == entry.shared(interpreter) ? 0 : -1;",
        "    }",
        "    return hits;",
        "  }",
        "}"));
    plugin = Files.createTempDirectory("pyhandlecache-plugin-classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, null,
          List.of("-d", plugin.toString(), "-classpath", System.getProperty("java.class.path")),
          null,
          files.getJavaFileObjects(
              sources.resolve("plugin/Entry.java"), sources.resolve("plugin/Plugin.java")));
      task.setProcessors(List.of(new PyHandleCacheProcessor()));
      assertTrue(task.call(), "the plugin compiles");
    }
  }

  @ParameterizedTest(name = "{0} hosts per deploy")
  @ValueSource(ints = {10, 1_000})
  void aLongLivedInterpreterKeepsNoRedeployedPluginsClassLoader(int hosts) throws Exception {
    PyInterpreter longLived = PyInterpreter.create("long-lived");
    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    for (int deploy = 0; deploy < DEPLOYS; deploy++) {
      loaders.add(deploy(longLived, hosts));
    }

    int reachable = reachableAfterCollecting(loaders);

    assertTrue(reachable <= 1, reachable + " of " + DEPLOYS + " plugin class loaders are reachable");
    Reference.reachabilityFence(longLived); // open, with its registrations, until here
    longLived.close();
  }

  /** Deploys the plugin in a class loader of its own, runs it, drops it; returns the loader weakly. */
  private static WeakReference<ClassLoader> deploy(PyInterpreter interpreter, int hosts)
      throws Exception {
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {plugin.toUri().toURL()}, PluginRedeployTest.class.getClassLoader())) {
      Class<?> entryPoint = loader.loadClass("plugin.Plugin");
      assertEquals(loader, entryPoint.getClassLoader(), "the plugin's own loader defines it");
      Object hits = entryPoint.getMethod("deploy", PyInterpreter.class, int.class)
          .invoke(null, interpreter, hosts);
      assertEquals(hosts, hits, "every entry claimed a slot, then hit it");
      return new WeakReference<>(loader);
    }
  }

  private static int reachableAfterCollecting(List<WeakReference<ClassLoader>> loaders) {
    int reachable = loaders.size();
    for (int attempt = 0; attempt < 20 && reachable > 1; attempt++) {
      System.gc();
      reachable = (int) loaders.stream().filter(loader -> !loader.refersTo(null)).count();
    }
    return reachable;
  }
}

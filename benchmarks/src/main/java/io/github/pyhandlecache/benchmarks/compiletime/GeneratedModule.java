package io.github.pyhandlecache.benchmarks.compiletime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a module of many small classes with three cached accessors each, in two dialects. */
enum GeneratedModule {
  /** Three {@code @PyHandleCached} accessors: explicit, implicit, explicit with four slots. */
  PY_HANDLE_CACHED {
    @Override
    String source(String className) {
      return """
          package bench;

          import io.github.pyhandlecache.annotations.PyHandleCached;
          import io.github.pyhandlecache.runtime.PyInterpreter;

          class %1$s {
            private final String name;

            %1$s(String name) {
              this.name = name;
            }

            @PyHandleCached
            Object pyObject(PyInterpreter interpreter) {
              return name + "@" + interpreter;
            }

            @PyHandleCached
            Object pyType() {
              return name + "@" + PyInterpreter.current();
            }

            @PyHandleCached(slots = 4)
            Object pyName(PyInterpreter interpreter) {
              return interpreter + "." + name;
            }
          }
          """.formatted(className);
    }
  },

  /** The same with AutoValue: one property and three {@code @Memoized} methods (no parameters). */
  AUTO_VALUE_MEMOIZED {
    @Override
    String source(String className) {
      return """
          package bench;

          import com.google.auto.value.AutoValue;
          import com.google.auto.value.extension.memoized.Memoized;
          import io.github.pyhandlecache.runtime.PyInterpreter;

          @AutoValue
          abstract class %1$s {
            abstract String name();

            @Memoized
            Object pyObject() {
              return name() + "@" + PyInterpreter.current();
            }

            @Memoized
            Object pyType() {
              return name() + "@" + PyInterpreter.current();
            }

            @Memoized
            Object pyName() {
              return PyInterpreter.current() + "." + name();
            }
          }
          """.formatted(className);
    }
  };

  abstract String source(String className);

  /** Writes {@code classes} source files under {@code root}/bench and returns their paths. */
  List<Path> write(Path root, int classes) {
    try {
      Path packageDir = Files.createDirectories(root.resolve("bench"));
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < classes; i++) {
        String className = String.format("Operator%04d", i);
        files.add(Files.writeString(packageDir.resolve(className + ".java"), source(className)));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

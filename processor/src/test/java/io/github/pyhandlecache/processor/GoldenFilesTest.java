package io.github.pyhandlecache.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The generated source of two canonical classes, to the character: what a user reads when
 * debugging. Regenerate a golden file only after reading the difference. {@code @VERSION@} stands
 * for this processor's version, which generated code names in its version check.
 */
class GoldenFilesTest {
  @Test
  void explicitFormWithOneSlot() {
    assertGenerates("OperatorEntry");
  }

  @Test
  void genericClassWithPrimitiveImplicitFormAndThreeSlots() {
    assertGenerates("TensorShape");
  }

  private static void assertGenerates(String className) {
    Compilation compilation =
        javac()
            .withProcessors(new PyHandleCacheProcessor())
            .withOptions("-Xlint:all,-processing", "-Werror")
            .compile(JavaFileObjects.forResource("golden/" + className + ".java"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("golden.PyHandleCached_" + className)
        .contentsAsUtf8String()
        .isEqualTo(
            resource("golden/expected/PyHandleCached_" + className + ".java")
                .replace("@VERSION@", ProcessorVersion.get()));
  }

  private static String resource(String name) {
    try (InputStream in = GoldenFilesTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

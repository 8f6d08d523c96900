package io.github.pyhandlecache.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/**
 * Generated code adds no warning to a user's strict build. {@code -processing} only because javac
 * warns that no processor claims {@code @Generated}.
 */
class LintTest {
  @Test
  void variedClassCompilesWithAllLintAsErrors() {
    Compilation compilation =
        javac()
            .withProcessors(new PyHandleCacheProcessor())
            .withOptions("-Xlint:all,-processing", "-Werror")
            .compile(JavaFileObjects.forResource("lint/Outer.java"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("lint.PyHandleCached_Outer_Varied")
        .contentsAsUtf8String()
        .contains("Map<K, V> inherited(PyInterpreter interpreter)");
    assertThat(compilation)
        .generatedSourceFile("lint.PyHandleCached_Outer_Varied")
        .contentsAsUtf8String()
        .contains("private boolean flag2Miss(PyInterpreter interpreter)");
    assertThat(compilation).generatedSourceFile("lint.PyHandleCached_Outer_Base");
  }
}

package io.github.pyhandlecache.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A class whose accessor returns a type that another processor generates is written once that
 * type exists, in a later round, as AutoValue does: before, javac knows neither its package nor
 * its members. The same for a {@code slots} constant that another processor generates.
 *
 * <p>The generator runs first: it supports {@code "*"}, and javac calls such a processor only
 * with annotations that no processor before it has claimed, and ours claims {@code @PyHandleCached}.
 */
class DeferralTest {
  @Test
  void classWaitsForATypeAnotherProcessorGenerates() {
    Compilation compilation =
        javac()
            .withProcessors(OPERATOR_SCHEMA.generator(), new PyHandleCacheProcessor())
            .compile(
                JavaFileObjects.forSourceLines(
                    "p.Foo",
                    "package p;",
                    "",
                    "import io.github.pyhandlecache.annotations.PyHandleCached;",
                    "import io.github.pyhandlecache.runtime.PyInterpreter;",
                    "import q.OperatorSchema;",
                    "",
                    "class Foo {",
                    "  @PyHandleCached OperatorSchema schema(PyInterpreter i) {",
                    "    return new OperatorSchema();",
                    "  }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("p.PyHandleCached_Foo")
        .contentsAsUtf8String()
        .contains("import q.OperatorSchema;");
  }

  @Test
  void classWaitsForASlotsConstantAnotherProcessorGenerates() {
    Compilation compilation =
        javac()
            .withProcessors(OPERATOR_SCHEMA.generator(), new PyHandleCacheProcessor())
            .compile(
                JavaFileObjects.forSourceLines(
                    "p.Foo",
                    "package p;",
                    "",
                    "import io.github.pyhandlecache.annotations.PyHandleCached;",
                    "import io.github.pyhandlecache.runtime.PyInterpreter;",
                    "import q.OperatorSchema;",
                    "",
                    "class Foo {",
                    "  @PyHandleCached(slots = OperatorSchema.SLOTS) Object op(PyInterpreter i) {",
                    "    return i;",
                    "  }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.PyHandleCached_Foo");
  }

  @Test
  void generatedNameClashAcrossRoundsIsOneErrorNamingBothClasses() {
    JavaFileObject outerInner =
        JavaFileObjects.forSourceLines(
            "p.Outer_Inner",
            "package p;",
            "",
            "import io.github.pyhandlecache.annotations.PyHandleCached;",
            "",
            "class Outer_Inner {",
            "  @PyHandleCached Object op() { return null; }",
            "}");
    GeneratedSource outer =
        new GeneratedSource(
            "p.Outer",
            "package p;\n\n"
                + "class Outer {\n"
                + "  static class Inner {\n"
                + "    @io.github.pyhandlecache.annotations.PyHandleCached Object op() { return null; }\n"
                + "  }\n"
                + "}\n");
    Compilation compilation =
        javac().withProcessors(outer.generator(), new PyHandleCacheProcessor()).compile(outerInner);
    // Outer_Inner claimed the name in the first round; Outer.Inner only exists from the second.
    assertThat(compilation).hadErrorCount(1);
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    assertThat(error.getMessage(null))
        .isEqualTo(
            "PyHandleCached_Outer_Inner would be generated for both p.Outer_Inner and p.Outer.Inner;"
                + " rename one of them");
    // compile-testing offers no generated file of a failed compilation to match: name and line.
    assertThat(error.getSource().getName()).endsWith("p/Outer.java");
    assertThat(error.getLineNumber()).isEqualTo(4L); // static class Inner {
    DiagnosticsTest.assertNoProcessorFailure(compilation);
  }

  private static final GeneratedSource OPERATOR_SCHEMA =
      new GeneratedSource(
          "q.OperatorSchema",
          "package q;\n\npublic class OperatorSchema {\n  public static final int SLOTS = 4;\n}\n");

  /** A source that another processor writes in the first round: javac knows it from the second. */
  private static final class GeneratedSource {
    final String name;
    final String content;

    GeneratedSource(String name, String content) {
      this.name = name;
      this.content = content;
    }

    Processor generator() {
      return new Generator(this);
    }
  }

  /** Writes its source in the first round. */
  private static final class Generator extends AbstractProcessor {
    private final GeneratedSource source;
    private int round;

    Generator(GeneratedSource source) {
      this.source = source;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
      if (++round == 1) {
        try (Writer writer = processingEnv.getFiler().createSourceFile(source.name).openWriter()) {
          writer.write(source.content);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}

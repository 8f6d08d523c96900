package io.github.pyhandlecache.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * A class whose accessor returns a type that another processor generates is written once that
 * type exists, in a later round, as AutoValue does: before, javac knows neither its package nor
 * its members.
 */
class DeferralTest {
  @Test
  void classWaitsForATypeAnotherProcessorGenerates() {
    Compilation compilation =
        javac()
            .withProcessors(new PyHandleCacheProcessor(), new GeneratesOperatorSchema())
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

  /** Writes {@code q.OperatorSchema} in the first round: javac knows it from the second on. */
  private static final class GeneratesOperatorSchema extends AbstractProcessor {
    private int round;

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
        try (Writer writer =
            processingEnv.getFiler().createSourceFile("q.OperatorSchema").openWriter()) {
          writer.write("package q;\n\npublic class OperatorSchema {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}

package io.github.pyhandlecache.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The VarHandle calls of generated code name no type of their own file. javac resolves a call of a
 * signature-polymorphic method by looking its signature up among every one it has made before, one
 * by one ({@code Resolve.findPolymorphicSignatureInstance}), so that calls whose signatures name
 * each class's own types made javac quadratic in the number of generated classes: 1,000 classes
 * took 1.3 times as long to compile as with the previous protocol's processor.
 */
class VarHandleSignaturesTest {
  /** A call of a VarHandle constant, with the cast around it if any, up to the end of the line. */
  private static final Pattern CALL =
      Pattern.compile("(\\((\\w+)\\) )?[A-Z][A-Z0-9_]*\\.(getAcquire|compareAndSet)\\((.*)\\);");
  /** What an argument or a cast may name: nothing of the file being compiled. */
  private static final Set<String> SHARED_TYPES = Set.of("Object", "SlotTable");
  private static final Pattern CAST = Pattern.compile("^\\((\\w+)\\) ");

  @Test
  void everyVarHandleCallOfEveryGeneratedClassHasASignatureSharedByAll() {
    List<String> calls = new ArrayList<>();
    for (String className : List.of("OperatorEntry", "TensorShape")) {
      Compilation compilation =
          javac()
              .withProcessors(new PyHandleCacheProcessor())
              .compile(JavaFileObjects.forResource("golden/" + className + ".java"));
      assertThat(compilation).succeeded();
      calls.addAll(varHandleCalls(compilation.generatedSourceFiles()));
    }
    assertThat(calls).isNotEmpty();
    for (String call : calls) {
      Matcher matcher = CALL.matcher(call);
      assertThat(matcher.find()).isTrue();
      if (matcher.group(2) != null) {
        assertWithMessage("the result's type, in %s", call)
            .that(matcher.group(2)).isEqualTo("Object");
      }
      for (String argument : matcher.group(4).split(", ")) {
        Matcher cast = CAST.matcher(argument);
        if (argument.equals("this") || argument.equals("null") || argument.startsWith("new ")) {
          assertWithMessage("argument %s of %s must be cast to Object or SlotTable", argument, call)
              .fail();
        } else if (cast.find()) {
          assertWithMessage("argument %s of %s", argument, call)
              .that(SHARED_TYPES).contains(cast.group(1));
        }
      }
    }
  }

  private static List<String> varHandleCalls(List<JavaFileObject> sources) {
    List<String> calls = new ArrayList<>();
    for (JavaFileObject source : sources) {
      try {
        Matcher matcher = CALL.matcher(source.getCharContent(true));
        while (matcher.find()) {
          calls.add(matcher.group());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return calls;
  }
}

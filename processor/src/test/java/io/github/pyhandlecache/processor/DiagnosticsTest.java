package io.github.pyhandlecache.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of the README's "Rules, checked at compile time" (and of {@code @PyHandleCached}'s
 * Javadoc): each broken rule is exactly one error, on the offending element, and no file is written
 * for the class. Then the inputs that are not rules but must not crash the processor either.
 */
class DiagnosticsTest {
  private static final String METHOD = "@PyHandleCached method ";
  private static final String CLASS = "class with @PyHandleCached methods ";

  @Test
  void privateMethod() {
    assertOneError(
        "  @PyHandleCached private Object op(PyInterpreter i) { return i; }",
        METHOD + "must not be private",
        "private Object op");
  }

  @Test
  void staticMethod() {
    assertOneError(
        "  @PyHandleCached static Object op(PyInterpreter i) { return i; }",
        METHOD + "must not be static",
        "static Object op");
  }

  @Test
  void finalMethod() {
    assertOneError(
        "  @PyHandleCached final Object op(PyInterpreter i) { return i; }",
        METHOD + "must not be final",
        "final Object op");
  }

  @Test
  void abstractMethod() {
    assertOneError(
        "  @PyHandleCached abstract Object op(PyInterpreter i);",
        METHOD + "must not be abstract",
        "abstract Object op",
        "abstract class Foo {");
  }

  @Test
  void typeParameters() {
    assertOneError(
        "  @PyHandleCached <T> T op(PyInterpreter i) { return null; }",
        METHOD + "must not have type parameters",
        "<T> T op");
  }

  @Test
  void voidMethod() {
    assertOneError(
        "  @PyHandleCached void op(PyInterpreter i) {}", METHOD + "must not return void", "void op");
  }

  @Test
  void parameterOfAnotherType() {
    assertOneError(
        "  @PyHandleCached Object op(String name) { return name; }",
        METHOD + "must have no parameter or one parameter of type PyInterpreter",
        "Object op(String name)");
  }

  @Test
  void twoParameters() {
    assertOneError(
        "  @PyHandleCached Object op(PyInterpreter i, PyInterpreter j) { return i; }",
        METHOD + "must have no parameter or one parameter of type PyInterpreter",
        "Object op(PyInterpreter i, PyInterpreter j)");
  }

  @Test
  void varargsInterpreters() {
    assertOneError(
        "  @PyHandleCached Object op(PyInterpreter... i) { return i; }",
        METHOD + "must have no parameter or one parameter of type PyInterpreter",
        "Object op(PyInterpreter... i)");
  }

  @Test
  void noSlots() {
    assertOneError(
        "  @PyHandleCached(slots = 0) Object op() { return null; }",
        "@PyHandleCached slots must be between 1 and 16, but is 0",
        "slots = 0");
  }

  @Test
  void tooManySlots() {
    assertOneError(
        "  @PyHandleCached(slots = 17) Object op() { return null; }",
        "@PyHandleCached slots must be between 1 and 16, but is 17",
        "slots = 17");
  }

  @Test
  void twoBrokenRulesAreTwoErrors() {
    Compilation compilation =
        compile(classFoo("  @PyHandleCached private static Object op() { return null; }"));
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(METHOD + "must not be private");
    assertThat(compilation).hadErrorContaining(METHOD + "must not be static");
    assertThat(WrittenFiles.of(compilation.sourceFiles().get(0))).isEmpty();
  }

  @Test
  void interfaceIsNotAClass() {
    assertOneError(
        source(
            "interface Foo {",
            "  @PyHandleCached default Object op(PyInterpreter i) { return i; }",
            "}"),
        "@PyHandleCached methods must be in a class, not an interface",
        "interface Foo {");
  }

  @Test
  void enumIsNotAClass() {
    assertOneError(
        source(
            "enum Foo {",
            "  A;",
            "  @PyHandleCached Object op(PyInterpreter i) { return i; }",
            "}"),
        "@PyHandleCached methods must be in a class, not an enum",
        "enum Foo {");
  }

  @Test
  void recordIsNotAClass() {
    assertOneError(
        source(
            "record Foo(int x) {",
            "  @PyHandleCached Object op(PyInterpreter i) { return i; }",
            "}"),
        "@PyHandleCached methods must be in a class, not a record",
        "record Foo(");
  }

  @Test
  void annotationTypeIsNotAClass() {
    Compilation compilation =
        compile(source("@interface Foo {", "  @PyHandleCached int op();", "}"));
    // The method is also abstract, as every annotation member is: a second broken rule.
    assertThat(compilation)
        .hadErrorContaining("@PyHandleCached methods must be in a class, not an annotation type")
        .inFile(compilation.sourceFiles().get(0))
        .onLineContaining("@interface Foo {");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void finalClass() {
    assertOneError(
        source(
            "final class Foo {",
            "  @PyHandleCached Object op(PyInterpreter i) { return i; }",
            "}"),
        CLASS + "must not be final",
        "final class Foo {");
  }

  @Test
  void innerClass() {
    assertOneError(
        source(
            "class Outer {",
            "  class Foo {",
            "    @PyHandleCached Object op(PyInterpreter i) { return i; }",
            "  }",
            "}"),
        CLASS + "must not be an inner class; make it static",
        "class Foo {");
  }

  @Test
  void privateClass() {
    assertOneError(
        source(
            "class Outer {",
            "  private static class Foo {",
            "    Foo() {}",
            "    @PyHandleCached Object op(PyInterpreter i) { return i; }",
            "  }",
            "}"),
        CLASS + "must not be private or nested in a private class",
        "private static class Foo {");
  }

  @Test
  void classNestedInPrivateClass() {
    assertOneError(
        source(
            "class Outer {",
            "  private static class Middle {",
            "    static class Foo {",
            "      @PyHandleCached Object op(PyInterpreter i) { return i; }",
            "    }",
            "  }",
            "}"),
        CLASS + "must not be private or nested in a private class",
        "static class Foo {");
  }

  @Test
  void onlyPrivateConstructors() {
    assertOneError(
        source(
            "class Foo {",
            "  private Foo() {}",
            "  @PyHandleCached Object op(PyInterpreter i) { return i; }",
            "}"),
        CLASS + "must have a non-private constructor",
        "class Foo {");
  }

  @Test
  void abstractMethodLeftToImplement() {
    assertOneError(
        source(
            "abstract class Foo implements Runnable {",
            "  @PyHandleCached Object op(PyInterpreter i) { return i; }",
            "}"),
        CLASS + "must implement abstract method run() of java.lang.Runnable",
        "abstract class Foo");
  }

  @Test
  void abstractClassWithEverythingImplementedIsFine() {
    Compilation compilation =
        compile(
            source(
                "abstract class Foo implements Runnable {",
                "  @Override public void run() {}",
                "  @PyHandleCached Object op(PyInterpreter i) { return i; }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.PyHandleCached_Foo");
    // The probe used for failed compilations sees a written file too.
    assertThat(WrittenFiles.of(compilation.sourceFiles().get(0)))
        .containsExactly("p/PyHandleCached_Foo.java");
  }

  @Test
  void unresolvedTypeIsReportedWithoutACrash() {
    Compilation compilation =
        compile(
            source(
                "class Foo {",
                "  @PyHandleCached Missing op(PyInterpreter i) { return null; }",
                "}"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation)
        .hadErrorContaining(
            "did not generate PyHandleCached_Foo because Foo refers to types that do not exist")
        .inFile(compilation.sourceFiles().get(0))
        .onLineContaining("class Foo {");
    assertThat(
            compilation.errors().stream()
                .anyMatch(error -> error.getMessage(null).contains("processor failed")))
        .isFalse();
    assertThat(WrittenFiles.of(compilation.sourceFiles().get(0))).isEmpty();
  }

  @Test
  void unresolvedSlotsConstantLeavesJavacsErrorAlone() {
    JavaFileObject source =
        classFoo("  @PyHandleCached(slots = MissingConstants.SLOTS) Object op() { return null; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(source)
        .onLineContaining("slots = MissingConstants.SLOTS");
    assertThat(compilation).hadErrorCount(1);
    assertNoProcessorFailure(compilation);
    assertThat(WrittenFiles.of(source)).isEmpty();
  }

  @Test
  void slotsOfTheWrongTypeLeavesJavacsErrorAlone() {
    JavaFileObject source = classFoo("  @PyHandleCached(slots = \"4\") Object op() { return null; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("incompatible types")
        .inFile(source)
        .onLineContaining("slots = \"4\"");
    assertThat(compilation).hadErrorCount(1);
    assertNoProcessorFailure(compilation);
    assertThat(WrittenFiles.of(source)).isEmpty();
  }

  @Test
  void generatedNameClashIsOneErrorNamingBothClasses() {
    JavaFileObject outer =
        JavaFileObjects.forSourceLines(
            "p.Outer",
            "package p;",
            "",
            "import io.github.pyhandlecache.annotations.PyHandleCached;",
            "",
            "class Outer {",
            "  static class Inner {",
            "    @PyHandleCached Object op() { return null; }",
            "  }",
            "}");
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
    Compilation compilation =
        javac().withProcessors(new PyHandleCacheProcessor()).compile(outer, outerInner);
    assertThat(compilation)
        .hadErrorContaining(
            "PyHandleCached_Outer_Inner would be generated for both p.Outer.Inner and p.Outer_Inner;"
                + " rename one of them")
        .inFile(outerInner)
        .onLineContaining("class Outer_Inner {");
    assertThat(compilation).hadErrorCount(1);
    assertNoProcessorFailure(compilation);
    // The first class keeps its generated class; the later one gets none.
    assertThat(WrittenFiles.of(outer, outerInner)).containsExactly("p/PyHandleCached_Outer_Inner.java");
  }

  @Test
  void annotationOnAFieldLeavesJavacsErrorAlone() {
    JavaFileObject source =
        classFoo("  @PyHandleCached Object field;\n  @PyHandleCached Object op() { return null; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("not applicable")
        .inFile(source)
        .onLineContaining("Object field;");
    assertThat(compilation).hadErrorCount(1);
    assertNoProcessorFailure(compilation);
    assertThat(WrittenFiles.of(source)).isEmpty();
  }

  @Test
  void claimsTheAnnotation() {
    Compilation compilation =
        javac()
            .withProcessors(new PyHandleCacheProcessor())
            .withOptions("-Xlint:all")
            .compile(classFoo("  @PyHandleCached Object op(PyInterpreter i) { return i; }"));
    assertThat(compilation).succeeded();
    assertThat(
            compilation.warnings().stream()
                .map(warning -> warning.getMessage(null))
                .filter(message -> message.contains("No processor claimed"))
                .filter(message -> message.contains("PyHandleCached")))
        .isEmpty();
  }

  /** The last-resort catch of the processor is for bugs, and none of the inputs above is one. */
  static void assertNoProcessorFailure(Compilation compilation) {
    assertThat(
            compilation.diagnostics().stream()
                .map(diagnostic -> diagnostic.getMessage(null))
                .filter(message -> message.contains("please report this bug")))
        .isEmpty();
  }

  private static void assertOneError(String member, String message, String line) {
    assertOneError(classFoo(member), message, line);
  }

  private static void assertOneError(
      String member, String message, String line, String classDeclaration) {
    assertOneError(source(classDeclaration, member, "}"), message, line);
  }

  private static void assertOneError(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
    assertThat(WrittenFiles.of(source)).isEmpty();
  }

  private static Compilation compile(JavaFileObject source) {
    return javac().withProcessors(new PyHandleCacheProcessor()).compile(source);
  }

  private static JavaFileObject classFoo(String member) {
    return source("class Foo {", member, "}");
  }

  private static JavaFileObject source(String... body) {
    List<String> lines = new ArrayList<>();
    lines.add("package p;");
    lines.add("");
    lines.add("import io.github.pyhandlecache.annotations.PyHandleCached;");
    lines.add("import io.github.pyhandlecache.runtime.PyInterpreter;");
    lines.add("");
    lines.addAll(List.of(body));
    return JavaFileObjects.forSourceLines("p.Foo", lines);
  }
}

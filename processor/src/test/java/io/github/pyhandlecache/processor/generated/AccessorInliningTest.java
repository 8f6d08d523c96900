package io.github.pyhandlecache.processor.generated;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A generated accessor that missed on many objects while the JIT compiled it still inlines into a
 * hot caller, so that a hit costs its loads and no call. C2 inlines no method already compiled to
 * more than {@code InlineSmallCode} (2,500 bytes on x86); an accessor whose miss path had the
 * runtime's claim inlined was that big, and a walk over 10,000 objects paid a call per hit
 * (RegistryBenchmark, 3.5 to 7 ns a hit against 2.5 without). The runtime's claim is now more
 * bytecode than C2 inlines at a hot call ({@code AccessorSlots.claim}). The JIT's decisions are
 * printed by the JVM that runs {@link InliningProgram}, with compilation in the foreground so that
 * they come in the program's order; one and two slots, the default tiered JIT for both forms and C2
 * alone for the explicit form.
 *
 * <p>C2 alone, profiling in the interpreter, still compiles the getter form's accessor too big: its
 * miss path, inlined, looks the thread's interpreter up twice more ({@code PyInterpreter.current()}
 * before the miss and in the slow accessor).
 */
class AccessorInliningTest {
  private static final List<String> EXPLICIT = List.of(
      "PyHandleCached_OperatorEntry::pythonOp (", "PyHandleCached_FaultTarget::explicitHandle (");
  private static final List<String> GETTER = List.of(
      "PyHandleCached_OperatorEntry::pyObject (", "PyHandleCached_FaultTarget::implicitHandle (");

  static Stream<Arguments> jits() {
    return Stream.of(
        Arguments.of("-XX:+TieredCompilation",
            Stream.concat(EXPLICIT.stream(), GETTER.stream()).collect(Collectors.toList())),
        Arguments.of("-XX:-TieredCompilation", EXPLICIT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jits")
  void aHitInlinesIntoItsHotCallerAfterAWarmUpOfMisses(String jit, List<String> accessors)
      throws Exception {
    String printed = ForkedJvm.run(
        List.of(jit, "-Xbatch", "-XX:+UnlockDiagnosticVMOptions", "-XX:+PrintInlining"),
        InliningProgram.class);
    for (String accessor : accessors) {
      List<String> decisions = printed.lines()
          .filter(line -> line.contains(accessor))
          .map(String::strip)
          .collect(Collectors.toList());
      assertTrue(decisions.stream().anyMatch(line -> line.contains("inline (hot)")),
          "the walk's loop did not inline " + accessor + ": " + decisions);
      assertTrue(decisions.stream().noneMatch(line -> line.contains("big method")),
          "a caller could not inline " + accessor + ", compiled too big: " + decisions);
    }
  }
}

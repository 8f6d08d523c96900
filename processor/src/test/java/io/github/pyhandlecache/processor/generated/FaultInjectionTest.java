package io.github.pyhandlecache.processor.generated;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's "Faults" guarantee, shown by fault injection: {@link FaultSweep} makes a real {@code
 * StackOverflowError} strike a call at every depth of the stack, for the explicit and implicit forms
 * and {@code PyHandleCache}, in a JVM of its own that runs the interpreter only, C1 only, the
 * default tiered JIT or C2 only (the last two after a warm-up). The error strikes where a call needs
 * more stack than any before it: the sweep prints those points (innermost frame of the runtime or of
 * generated code); with the interpreter or C1 alone at least one must be inside the cache. Each sweep must finish; then every
 * object must answer other threads within a bound, with isolation and identity intact, and the
 * faulting interpreter must cache again. {@code FaultAtEveryStepTest} (runtime) throws at each step
 * of a claim that writes shared state instead.
 */
class FaultInjectionTest {
  static Stream<Arguments> sweeps() {
    List<Arguments> sweeps = new ArrayList<>();
    for (String mode :
        List.of("-Xint", "-XX:TieredStopAtLevel=1", "-XX:+TieredCompilation", "-XX:-TieredCompilation")) {
      for (String form : List.of("explicit", "implicit", "getOr")) {
        sweeps.add(Arguments.of(mode, form));
      }
    }
    return sweeps.stream();
  }

  @ParameterizedTest(name = "{1} in {0}")
  @MethodSource("sweeps")
  void everyCallFinishesAfterAStackOverflowAnywhere(String mode, String form) throws Exception {
    String printed = ForkedJvm.run(
        List.of(
            mode,
            // The sweep's own frames stay frames, so that its stack offsets mean something.
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=dontinline," + FaultSweep.class.getName() + "::*",
            "-Xss1m"),
        FaultSweep.class,
        form);
    assertTrue(printed.contains("passed (" + form + ")"), printed);
    assertTrue(
        !printed.contains(" 0 calls ended in StackOverflowError"),
        "no call was struck by the fault, so the sweep showed nothing: " + printed);
    // Compiled code bangs the stack at a method's entry, so with C2 the error tends to strike at the
    // call into the cache rather than inside it; the interpreter and C1 must strike inside.
    String struck = printed.substring(printed.indexOf("struck:") + "struck:".length())
        .replace("(outside the cache)", "").strip();
    assertTrue(!struck.isEmpty() || mode.contains("Tiered"),
        "no error struck inside the cache's code: " + printed);
  }
}

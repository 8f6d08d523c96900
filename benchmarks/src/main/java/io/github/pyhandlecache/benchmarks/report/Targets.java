package io.github.pyhandlecache.benchmarks.report;

import io.github.pyhandlecache.benchmarks.compiletime.CompileTimeBenchmark;
import io.github.pyhandlecache.benchmarks.compiletime.CompileTimeRow;
import io.github.pyhandlecache.benchmarks.report.Ratio.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * This round's targets, each limit written once, with verdicts computed from the run's data.
 */
final class Targets {
  static final double HEAP_ONE_SLOT_BYTES = 64;
  static final double HEAP_FOUR_SLOTS_BYTES = 128;
  static final double CLAIM_ONE_SLOT_TO_SEED = 4;
  static final double CLAIM_FOUR_SLOTS_TO_SEED = 5;
  static final double WALK_TO_INLINE_VALIDATED = 1.5;
  static final double HIT_TO_SEED = 1.15;
  /** "Allocates nothing": below this, no call allocates (JMH's own allocation spreads over all). */
  static final double NO_ALLOCATION_BYTES = 0.5;
  static final double FOURTH_TO_FIRST_CLAIMER = 1.3;
  static final double GETTER_TO_EXPLICIT_ON_INTERPRETER_THREAD = 1.3;
  static final double GETTER_TO_EXPLICIT_IN_SCOPE = 2.55;

  private Targets() {}

  static List<Target> of(RunData data) {
    JmhRun jmh = data.jmh();
    Notes notes = new Notes(data);
    List<Target> targets = new ArrayList<>();

    Amount heapOne = data.heapAbovePlain("generated1");
    targets.add(new Target(String.format("heap per host, 1 slot claimed by one interpreter: at most"
            + " %.0f B above the host without a cache (%,d hosts)", HEAP_ONE_SLOT_BYTES,
            data.scale().hosts()),
        heapOne.format(1) + " B", heapOne.atMost(HEAP_ONE_SLOT_BYTES), notes.heap(1)));
    Amount heapFour = data.heapAbovePlain("generated4");
    targets.add(new Target(String.format("heap per host, 4 slots claimed by four interpreters: at"
            + " most %.0f B above the host without a cache (%,d hosts)", HEAP_FOUR_SLOTS_BYTES,
            data.scale().hosts()),
        heapFour.format(1) + " B", heapFour.atMost(HEAP_FOUR_SLOTS_BYTES), notes.heap(4)));

    Ratio claimOne = data.claimOverSeed("generated1");
    targets.add(new Target(String.format("claim, 1 slot, one long-lived interpreter: within %.0fx"
            + " the seed's claim by hand", CLAIM_ONE_SLOT_TO_SEED),
        claimOne, claimOne.atMost(CLAIM_ONE_SLOT_TO_SEED), notes.claim()));
    Ratio claimFour = data.claimOverSeed("generated4");
    targets.add(new Target(String.format("claim, 4 slots, four long-lived interpreters: within"
            + " %.0fx the seed's claim, per interpreter", CLAIM_FOUR_SLOTS_TO_SEED),
        claimFour, claimFour.atMost(CLAIM_FOUR_SLOTS_TO_SEED), notes.claim()));

    for (String hosts : registrySizes(jmh)) {
      Ratio walk = jmh.get("registryGenerated[" + hosts + "]")
          .over(jmh.get("registryInlineValidated[" + hosts + "]"));
      targets.add(new Target(String.format("registry walk on %,d hosts: the generated hit within"
              + " %.1fx the inline validated one by hand", Long.parseLong(hosts),
              WALK_TO_INLINE_VALIDATED),
          walk, walk.atMost(WALK_TO_INLINE_VALIDATED), notes.walk()));
    }

    JmhResult explicit = jmh.get(HitRow.GENERATED_EXPLICIT.method);
    Ratio toSeed = explicit.over(jmh.get(HitRow.SEED_PROTOCOL.method));
    targets.add(new Target(String.format("hit (explicit, 1 slot) within %.2fx the seed's protocol"
            + " by hand", HIT_TO_SEED),
        toSeed, toSeed.atMost(HIT_TO_SEED), notes.hitAgainstSeed()));
    targets.add(new Target("hit (explicit, 1 slot) allocates nothing",
        String.format("%.4f B/op", explicit.bytesPerOp()),
        Verdict.of(explicit.bytesPerOp() < NO_ALLOCATION_BYTES), ""));
    Ratio fourth = jmh.get(HitRow.FOUR_SLOTS_FOURTH_CLAIMER.method)
        .over(jmh.get(HitRow.FOUR_SLOTS_FIRST_CLAIMER.method));
    targets.add(new Target(String.format("4 slots: the hit of the interpreter that claimed 4th"
            + " within %.1fx the hit of the 1st", FOURTH_TO_FIRST_CLAIMER),
        fourth, fourth.atMost(FOURTH_TO_FIRST_CLAIMER), notes.fourthClaimer()));

    Ratio getter = jmh.get("implicitOnInterpreterThread")
        .over(jmh.get("explicitOnInterpreterThread"));
    targets.add(new Target(String.format("getter form on a thread of `threadFactory()` within"
            + " %.1fx the explicit form on the same threads",
            GETTER_TO_EXPLICIT_ON_INTERPRETER_THREAD),
        getter, getter.atMost(GETTER_TO_EXPLICIT_ON_INTERPRETER_THREAD),
        notes.interpreterThread()));
    Ratio inScope = jmh.get(HitRow.GENERATED_IMPLICIT.method).over(explicit);
    targets.add(new Target(String.format("getter form with an entered scope within %.2fx the"
            + " explicit form (the issue's figure for b193d66)", GETTER_TO_EXPLICIT_IN_SCOPE),
        inScope, inScope.atMost(GETTER_TO_EXPLICIT_IN_SCOPE), notes.getterInScope()));
    Ratio toPrevious = jmh.get(HitRow.GENERATED_IMPLICIT.method)
        .over(jmh.get(HitRow.PREVIOUS_GETTER.method));
    targets.add(new Target("getter form with an entered scope no slower than the getter as in"
            + " b193d66 (its `current()` by hand, then the explicit hit), in this run",
        toPrevious, toPrevious.atMost(1.0), notes.getterInScope()));
    data.compileTimeOfBaseline().ifPresent(baseline -> {
      List<Double> turns = turnByTurn(data.compileTimeOfThisProcessor(), baseline);
      double fastest = turns.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      double slowest = turns.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      targets.add(new Target(String.format("compile time, %,d generated classes: no slower than"
              + " the processor of %s, turn by turn in this run", baseline.classes(),
              baseline.variant().substring(CompileTimeBenchmark.BASELINE_PREFIX.length())),
          String.format("%.2fx, turns %s", CompileTimeRow.median(turns), turns.stream()
              .map(ratio -> String.format("%.2fx", ratio)).collect(Collectors.joining(", "))),
          Verdict.atMost((fastest + slowest) / 2, (slowest - fastest) / 2, 1.0),
          notes.compileTime()));
    });
    return targets;
  }

  /** Each counted run of {@code row} over the run of {@code baseline} in the same turn. */
  private static List<Double> turnByTurn(CompileTimeRow row, CompileTimeRow baseline) {
    return IntStream.range(0, row.runsSeconds().size())
        .mapToObj(turn -> row.runsSeconds().get(turn) / baseline.runsSeconds().get(turn))
        .toList();
  }

  /** The host counts the registry walk ran with, smallest first. */
  static List<String> registrySizes(JmhRun jmh) {
    return jmh.params("registryGenerated").stream()
        .sorted(Comparator.comparingLong(Long::parseLong))
        .toList();
  }
}

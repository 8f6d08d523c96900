package io.github.pyhandlecache.benchmarks.report;

/**
 * Why a target is missed, as far as it was measured: the page shows a note only when its target is
 * not met in the run that wrote the page. "Not shown" verdicts count as missed: the note says what
 * is known of the difference.
 */
final class Notes {
  private Notes() {}

  static final String NOISE = """
      - **This machine.** Two cores shared with other builds (see the load average above): a
        fork that shares its core with a compiler or a jcstress run measures a multiple of the
        others, which widens the errors until several limits fall inside them. The fork medians
        of the JFR and table benchmarks show it.""";

  static final String HIT_AGAINST_SEED = """
      - **Hit against the seed.** The seed loads the tag and the value from the host. The
        generated hit loads the host's table field (an acquire load, a plain load on x86), tests
        it for null (nothing claimed yet), then loads `tag0` and `value0` from the table: one
        more dependent load and one more test, with everything in L1 here.""";

  static final String HIT_AGAINST_UNTAGGED = """
      - **Hit against AutoValue and Immutables.** They cache one value for everyone: no
        interpreter to load and compare, so their hit is a load and a null or bit test. A tagged
        slot always loads and compares the tag, and here loads the table first.""";

  static final String FOURTH_SLOT = """
      - **Hit on the 4th slot.** The generated 4-slot hit loads the table once, then compares
        `tag0` to `tag3` in order, each a load from the table; the previous protocol compared
        four tags in the host, then validated the fourth. Both are a few loads from one or two
        lines in L1; what separates them here was not measured further.""";

  static final String BYPASS = """
      - **Bypass.** After the slow accessor, a bypass checks whether it may claim: a volatile
        load of the caller's `closed` flag, the object's table (read by the generated code
        through its own constant VarHandle and passed to `AccessorSlots.isClaimable`), each
        owner's tag and its `closed` flag, and before the accessor four `isEnabled()` probes
        of the JFR events (shared instances: nothing is allocated). Before that change the
        runtime read the table through `AccessorSlots`' own VarHandle, an instance field and
        so not a constant to C2, which made the read a real call: 3.2x the direct call
        (25.55 ± 10.90 against 7.98 ± 3.23 ns/op), against 1.28x after it (6.54 ± 2.33
        against 5.11 ± 1.42), in one `MissBenchmark` run of 3 forks each.""";

  static final String GET_OR = """
      - **`getOr`.** It loads one object more than the generated hit: the holder's
        `PyHandleCache` field, then the cache's table, then `tag0` and `value0`; plus a
        `requireNonNull` of the supplier (the capturing lambda is removed by escape analysis:
        0 B/op).""";

  static final String RECORDED_HIT = """
      - **Hit under a recording.** The hit touches no event (it is the same compiled code with
        or without a recording), but a recording adds JFR's own threads and disk writes on two
        busy cores: compare the fork medians in the JFR table.""";

  static final String READ_SCALING = """
      - **Read scaling.** Two benchmark threads on a 2-core machine that other builds are using
        get well under two cores: compare the plain final field, which writes nothing either.
        A hit writes no shared memory and allocates nothing (B/op above).""";

  static final String COMPILE_TIME = """
      - **Compile time.** The generated subclass (per accessor a table field, its VarHandle and
        `AccessorSlots` constants, an override, a miss method and a nested table class) is several
        times the size of the annotated class, and javac compiles it too; AutoValue's `@Memoized`,
        which also writes a subclass per class, lands in the same place.""";
}

package io.github.pyhandlecache.benchmarks.report;

import com.google.gson.Gson;
import io.github.pyhandlecache.benchmarks.compiletime.CompileTimeRow;
import io.github.pyhandlecache.benchmarks.footprint.ClaimCosts;
import io.github.pyhandlecache.benchmarks.footprint.Footprint;
import io.github.pyhandlecache.benchmarks.footprint.FootprintRow;
import io.github.pyhandlecache.benchmarks.report.Ratio.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code docs/BENCHMARKS.md} and its chart from one run's results: JMH's JSON, the footprint
 * and compile-time JSON, a description of the machine and the command that ran it all.
 *
 * <p>Usage: {@code BenchmarkPage <jmh.json> <footprint.json> <compile-time.json> <machine.md>
 * <command> <BENCHMARKS.md> <chart.png>}.
 */
public final class BenchmarkPage {
  /** The bypass of the previous protocol, from the page its last run wrote (2026-11-25). */
  private static final String PREVIOUS_BYPASS = "3.94x ± 0.96";

  private static final int[] CLOSE_SLOTS = {1, 100, 10_000};

  private final JmhRun jmh;
  private final Footprint footprint;
  private final List<CompileTimeRow> compileTime;
  private final String machine;
  private final String command;
  private final String chartFile;
  private final StringBuilder page = new StringBuilder();

  private BenchmarkPage(JmhRun jmh, Footprint footprint, List<CompileTimeRow> compileTime,
      String machine, String command, String chartFile) {
    this.jmh = jmh;
    this.footprint = footprint;
    this.compileTime = compileTime;
    this.machine = machine;
    this.command = command;
    this.chartFile = chartFile;
  }

  public static void main(String[] args) throws IOException {
    Locale.setDefault(Locale.ROOT);
    Gson gson = new Gson();
    JmhRun jmh = JmhRun.read(Path.of(args[0]));
    Footprint footprint = gson.fromJson(Files.readString(Path.of(args[1])), Footprint.class);
    List<CompileTimeRow> compileTime =
        List.of(gson.fromJson(Files.readString(Path.of(args[2])), CompileTimeRow[].class));
    Path out = Path.of(args[5]);
    Path chart = Path.of(args[6]);
    BenchmarkPage page = new BenchmarkPage(jmh, footprint, compileTime,
        Files.readString(Path.of(args[3])).strip(), args[4], chart.getFileName().toString());
    Files.writeString(out, page.render());
    new HitCostChart(jmh, String.format(
        "Median of %d forks x %d iterations, one JMH run; %s", jmh.forks(), jmh.iterations(),
        jmh.jdk())).write(chart);
  }

  private String render() {
    line("# Benchmarks");
    line();
    line("What a cache hit costs against the floor, against the previous protocol and against what");
    line("a user would otherwise pick; what a miss, a first claim, `close()` and a JFR recording");
    line("cost; how reads scale; what an accessor adds to an object and what the processor adds to");
    line("a build. Every number on this page comes from one run of `benchmarks/run`; the page and");
    line("the chart are written by it. Ratios are to a baseline measured in the same run.");
    line();
    machine();
    List<Target> targets = targets();
    targetTable(targets);
    beforeAfter();
    hits();
    registry();
    misses();
    close();
    recording();
    readScaling();
    footprintTables();
    compileTimeTable();
    notes();
    whyMissed(targets);
    return page.toString();
  }

  private void machine() {
    line("## Machine and command");
    line();
    line(machine);
    line("- JDK: " + jmh.jdk());
    line(String.format("- JMH 1.37: %d forks x %d measured iterations per benchmark, `-prof gc`",
        jmh.forks(), jmh.iterations()));
    line();
    line("```");
    line(command);
    line("```");
    line();
    line("The machine is shared with other builds: short settings, so read each figure with its");
    line("error (JMH's, half the 99.9% confidence interval of the mean). A ratio's error adds the");
    line("two relative errors in quadrature. A target \"within\" a limit counts as met only if the");
    line("whole interval meets it; \"no slower, within the error\" is met unless the whole interval");
    line("is slower; \"the same, within the error\" is met if the interval holds 1.");
    line();
  }

  private List<Target> targets() {
    JmhResult explicit = hit(HitRow.GENERATED_EXPLICIT);
    Ratio toSeed = explicit.over(hit(HitRow.SEED_PROTOCOL));
    Ratio toAutoValue = explicit.over(hit(HitRow.AUTO_VALUE));
    Ratio toImmutables = explicit.over(hit(HitRow.IMMUTABLES));
    Ratio toPrevious = explicit.over(hit(HitRow.INLINE_VALIDATED));
    Ratio mapToExplicit = hit(HitRow.CONCURRENT_HASH_MAP).over(explicit);
    Ratio lastToFirst = hit(HitRow.FOUR_SLOTS_LAST).over(hit(HitRow.FOUR_SLOTS_FIRST));
    Ratio lastToPrevious =
        hit(HitRow.FOUR_SLOTS_LAST).over(hit(HitRow.INLINE_VALIDATED_FOUR_SLOTS_LAST));
    Ratio bypass = jmh.get("bypassOwnedByOther").over(jmh.get("slowAccessorDirect"));
    Ratio getOr = hit(HitRow.GET_OR).over(explicit);
    Ratio recordedHit = jmh.get("generatedExplicitRecorded").over(explicit);
    Ratio scaling = jmh.get("generatedTwoThreads").over(jmh.get("generatedOneThread"));
    CompileTimeRow none = compileTime.get(0);
    CompileTimeRow processor = compileTime.get(1);
    CompileTimeRow autoValue = compileTime.get(2);
    double compileRatio = processor.medianSeconds() / none.medianSeconds();

    List<Target> targets = new ArrayList<>();
    targets.add(new Target("hit (explicit, 1 slot) within 1.15x the seed's protocol by hand",
        toSeed, toSeed.atMost(1.15), Notes.HIT_AGAINST_SEED));
    targets.add(new Target("hit allocates nothing",
        String.format("%.3f B/op", explicit.bytesPerOp()), Verdict.of(explicit.bytesPerOp() < 0.5),
        ""));
    targets.add(new Target("hit no slower than AutoValue `@Memoized`, within the error",
        toAutoValue, toAutoValue.notShownAbove(1.0), Notes.HIT_AGAINST_UNTAGGED));
    targets.add(new Target("hit no slower than Immutables `@Value.Lazy`, within the error",
        toImmutables, toImmutables.notShownAbove(1.0), Notes.HIT_AGAINST_UNTAGGED));
    targets.add(new Target(
        "hit no slower than the previous protocol's (inline validated, by hand), within the error",
        toPrevious, toPrevious.notShownAbove(1.0), ""));
    targets.add(new Target("hit at least 2x faster than the per-object map", mapToExplicit,
        mapToExplicit.atLeast(2.0), ""));
    targets.add(new Target("hit on the 4th of 4 slots within 1.3x a hit on the 1st", lastToFirst,
        lastToFirst.atMost(1.3), Notes.FOURTH_SLOT));
    targets.add(new Target(
        "hit on the 4th of 4 slots no slower than the previous protocol's, within the error",
        lastToPrevious, lastToPrevious.notShownAbove(1.0), Notes.FOURTH_SLOT));
    targets.add(new Target("bypass within 1.5x a direct call of the slow accessor", bypass,
        bypass.atMost(1.5), Notes.BYPASS));
    targets.add(new Target("`PyHandleCache.getOr` hit within 1.3x the generated hit", getOr,
        getOr.atMost(1.3), Notes.GET_OR));
    targets.add(new Target(
        "hit with a JFR recording of every cache event: the same as without, within the error",
        recordedHit, recordedHit.sameWithinError(), Notes.RECORDED_HIT));
    targets.add(new Target("two threads on one object: at least 1.8x one thread's throughput",
        scaling, scaling.atLeast(1.8), Notes.READ_SCALING));
    targets.add(new Target("compile time within 1.3x of javac without a processor",
        String.format("%.2fx (%.2f s / %.2f s, medians)", compileRatio,
            processor.medianSeconds(), none.medianSeconds()),
        Verdict.of(compileRatio <= 1.3), Notes.COMPILE_TIME));
    targets.add(new Target("compile time no slower than AutoValue `@Memoized`",
        String.format("%.2f s vs %.2f s (%.2fx)", processor.medianSeconds(),
            autoValue.medianSeconds(), processor.medianSeconds() / autoValue.medianSeconds()),
        Verdict.of(processor.medianSeconds() <= autoValue.medianSeconds()), Notes.COMPILE_TIME));
    return targets;
  }

  private void targetTable(List<Target> targets) {
    line("## Targets");
    line();
    line("| target | measured | verdict |");
    line("|---|---|---|");
    for (Target target : targets) {
      line("| " + target.text() + " | " + target.measured() + " | " + target.verdict() + " |");
    }
    line();
    JmhResult explicit = hit(HitRow.GENERATED_EXPLICIT);
    line(String.format("For reference, the hit (explicit, 1 slot) costs %s the plain final field,",
        explicit.over(hit(HitRow.PLAIN_FINAL_FIELD))));
    line(String.format("and %s it on %,d objects hit in a random order (below).",
        jmh.get("registryGenerated").over(jmh.get("registryPlainFinalField")),
        10_000));
    line();
  }

  private void beforeAfter() {
    FootprintRow empty = footprint("@PyHandleCached, 1 slot", "reference", "empty");
    FootprintRow claimed = footprint("@PyHandleCached, 1 slot", "reference", "claimed by 1");
    FootprintRow four = footprint("@PyHandleCached, 4 slots", "reference", "claimed by 4");
    ClaimCosts claim = footprint.claim();
    line("## Before and after: inline validated slots against slot tables");
    line();
    line("The previous protocol (\"direction 1\") kept two inline fields per slot and validated its");
    line("hit: `getAcquire` of the tag, compare, `getOpaque` of the value, an acquire fence and a");
    line("second load of the tag. Its generated code is gone, so its hit is measured from a copy by");
    line("hand (`InlineValidatedOperator`) in this same run. Slot tables keep one field per accessor");
    line("holding an immutable table (a nested class of the generated class); a hit is an acquire");
    line("load of the table, a compare of `tag0` and a load of `value0`.");
    line();
    line("| | previous: inline validated | now: slot table | now / previous |");
    line("|---|---:|---:|---:|");
    beforeAfterRow("hit, 1 slot, ns/op", hit(HitRow.INLINE_VALIDATED),
        hit(HitRow.GENERATED_EXPLICIT));
    beforeAfterRow("hit on the 4th of 4 slots, ns/op", hit(HitRow.INLINE_VALIDATED_FOUR_SLOTS_LAST),
        hit(HitRow.FOUR_SLOTS_LAST));
    beforeAfterRow("hit on 10,000 objects in a random order, ns/op",
        jmh.get("registryInlineValidated"), jmh.get("registryGenerated"));
    line(String.format("| bypass, x slow accessor called directly | %s (its last page, another run)"
            + " | %s | |", PREVIOUS_BYPASS,
        jmh.get("bypassOwnedByOther").over(jmh.get("slowAccessorDirect"))));
    line(String.format("| bytes a 1-slot accessor adds to an object, nothing cached | %d (fields)"
        + " | %d (field) | |", empty.previousFieldBytes(), empty.fieldBytes()));
    line(String.format("| bytes per cached value, 1 slot (fields, table, registration) | %d"
            + " | %d + %d + %d = %d | |", claimed.previousFieldBytes(), claimed.fieldBytes(),
        claimed.tableBytes(), claim.registrationBytes(),
        claimed.fieldBytes() + claimed.tableBytes() + claim.registrationBytes()));
    line(String.format("| bytes for 4 slots, all claimed (fields, table, registrations) | %d"
            + " | %d + %d + 4 x %d = %d | |", four.previousFieldBytes(), four.fieldBytes(),
        four.tableBytes(), claim.registrationBytes(),
        four.fieldBytes() + four.tableBytes() + 4 * claim.registrationBytes()));
    line();
  }

  private void beforeAfterRow(String label, JmhResult before, JmhResult after) {
    line(String.format("| %s | %.2f ± %.2f | %.2f ± %.2f | %s |", label, before.median(),
        before.error(), after.median(), after.error(), after.over(before)));
  }

  private void hits() {
    JmhResult floor = hit(HitRow.PLAIN_FINAL_FIELD);
    line("## Hit cost");
    line();
    line("One thread, every call a hit on one object (the cache was filled by the interpreter that");
    line("asks), so everything is in the L1 cache: the cost of the instructions.");
    line();
    line("| | kind | ns/op (median) | error | x plain final field | B/op |");
    line("|---|---|---:|---:|---:|---:|");
    for (HitRow row : HitRow.values()) {
      JmhResult result = hit(row);
      Ratio ratio = result.over(floor);
      line(String.format("| %s | %s | %.2f | ± %.2f | %.2f ± %.2f | %s |", row.label,
          row.group.label, result.median(), result.error(), ratio.value(), ratio.error(),
          bytes(result)));
    }
    line();
    line("![Cost of a cache hit](" + chartFile + ")");
    line();
  }

  private void registry() {
    JmhResult plain = jmh.get("registryPlainFinalField");
    JmhResult previous = jmh.get("registryInlineValidated");
    line("## Hits on an operator table");
    line();
    line("10,000 host objects, each hit once per pass in a shuffled order (the same order every");
    line("pass), as a dispatcher looks operators up: the objects do not all stay in the L1 and L2");
    line("caches, so what counts is how many objects a hit touches. The generated hit loads the");
    line("host and its table; the plain field and the previous protocol load the host only.");
    line("Hosts were created in one order and claimed in another, so a table is not next to its host.");
    line("Working sets: 16 B per host for the plain field (160 KB in all, about an L2), 56 B for");
    line("the previous protocol's host (it also holds the 4-slot accessor's fields), 32 B plus a");
    line("24-byte table for the generated one (560 KB either way).");
    line();
    line("| | ns/op (median) | error | x plain final field | x previous protocol | B/op |"
        + " fork medians, ns/op |");
    line("|---|---:|---:|---:|---:|---:|---|");
    registryRow("plain final field", plain, plain, previous);
    registryRow("previous protocol by hand (inline validated)", previous, plain, previous);
    registryRow("@PyHandleCached, explicit, 1 slot", jmh.get("registryGenerated"), plain,
        previous);
    line();
    line("A hit on a host that is not in the cache costs a miss to memory for the host in every");
    line("row; the generated hit then needs its table, whose address it only learns from the host:");
    line("a second, dependent miss. That is the price of the table per accessor, and what the hit");
    line("table above, where both are always in L1, cannot show.");
    line();
  }

  private void registryRow(String label, JmhResult result, JmhResult plain, JmhResult previous) {
    line(String.format("| %s | %.2f | ± %.2f | %s | %s | %s | %s |", label, result.median(),
        result.error(), result.over(plain), result.over(previous), bytes(result),
        result.forks()));
  }

  private void misses() {
    JmhResult direct = jmh.get("slowAccessorDirect");
    JmhResult fresh = jmh.get("slowAccessorFreshObject");
    JmhResult claim = jmh.get("firstClaim");
    JmhResult claimClosed = jmh.get("firstClaimInterpreterClosedAfter");
    ClaimCosts costs = footprint.claim();
    line("## Miss paths");
    line();
    line("The slow accessor allocates one 24-byte object per call. A *bypass* is a call whose");
    line("interpreter finds the accessor's one slot owned by another, open interpreter: the accessor");
    line("runs every time and nothing is cached. A *first claim* is the first call on a fresh object:");
    line("it runs the accessor, registers the object with the interpreter and CASes in the first");
    line("table. The claims come in batches of 1,000 fresh objects created before each timed batch;");
    line("every claim row allocates the same objects there, and `-prof gc` counts them, so a claim");
    line("allocates the difference of its B/op and the baseline's. The claiming interpreter either");
    line("lives for the whole benchmark (the registrations of the objects it claimed pile up as the");
    line("objects die, until a purge) or is closed after each batch, outside the timing.");
    line();
    line("| | ns/op (median) | error | baseline | x baseline | B/op |");
    line("|---|---:|---:|---|---:|---:|");
    miss("bypass (slot owned by another interpreter)", jmh.get("bypassOwnedByOther"), direct,
        "slow accessor, no cache");
    miss("slow accessor called directly, no cache", direct, direct, "itself");
    miss("first claim, long-lived interpreter", claim, fresh, "fresh object, no cache");
    miss("first claim, interpreter closed after each batch", claimClosed, fresh,
        "fresh object, no cache");
    miss("fresh object, slow accessor, no cache", fresh, fresh, "itself");
    line();
    line(String.format("Here a first claim allocates %.0f B/op more than the slow accessor alone"
        + " (long-lived", claim.bytesPerOp() - fresh.bytesPerOp()));
    line(String.format("interpreter; %.0f B/op with the interpreter closed after each batch)."
        + " Counted exactly", claimClosed.bytesPerOp() - fresh.bytesPerOp()));
    line(String.format("(the thread's allocation counter over %,d claims of a 1-slot accessor,"
        + " `FootprintReport`),", costs.claims()));
    line(String.format("a claim allocated %.1f B. Its %d-byte table and its registration of %d B"
        + " (a", costs.allocatedPerClaim(), costs.tableBytes(), costs.registrationBytes()));
    line(String.format("`WeakReference` subclass, %d B, and a `ConcurrentLinkedQueue` node, %d B,"
        + " which the", costs.referenceBytes(), costs.nodeBytes()));
    line(String.format("interpreter holds until it closes or a purge drops it) make %d B; the"
            + " rest, if any, is objects",
        costs.tableBytes() + costs.registrationBytes()));
    line("of the miss path that C2 did not remove in that loop.");
    line();
  }

  private void miss(String label, JmhResult result, JmhResult base, String baseLabel) {
    Ratio ratio = result.over(base);
    line(String.format("| %s | %.1f | ± %.1f | %s | %.2f ± %.2f | %s |", label, result.median(),
        result.error(), baseLabel, ratio.value(), ratio.error(), bytes(result)));
  }

  private void close() {
    ClaimCosts costs = footprint.claim();
    line("## close()");
    line();
    line("Interpreters that each claimed one slot on N objects, then `close()`: time per released");
    line("slot (each invocation releases 10,000 slots: 10,000 interpreters of 1 slot, 100 of 100,");
    line("or one of 10,000; the claims happen before it, outside the timing). A release CASes a");
    line("fresh table into each registered object.");
    line();
    line("| slots per interpreter (N) | ns per released slot (median) | error | µs per close() |");
    line("|---:|---:|---:|---:|");
    for (int slots : CLOSE_SLOTS) {
      JmhResult result = jmh.get("closePerSlot[" + slots + "]");
      line(String.format("| %,d | %.1f | ± %.1f | %.2f |", slots, result.median(), result.error(),
          result.median() * slots / 1e3));
    }
    line();
    line(String.format("`close()` allocates %.1f B per released slot (the thread's allocation"
        + " counter, %,d slots of a", costs.allocatedPerReleasedSlot(), costs.claims()));
    line(String.format("1-slot accessor): the fresh %d-byte table. `-prof gc` is not shown for"
        + " these rows: it counts the", costs.tableBytes()));
    line("claims made before each invocation too.");
    line();
  }

  private void recording() {
    line("## JDK Flight Recorder");
    line();
    line("The same hit and bypass with and without a recording that enables every");
    line("`io.github.pyhandlecache.*` event (threshold 0, no stack traces, written to");
    line("`benchmarks/target/tmp/jfr/`). A hit records nothing; a bypass records one `Bypass`");
    line("event per call.");
    line();
    line("| | no recording, ns/op | recording, ns/op | recording / none | B/op (none / recording)"
        + " | fork medians, ns/op (none; recording) |");
    line("|---|---:|---:|---:|---:|---|");
    recordingRow("hit (explicit, 1 slot)", jmh.get("generatedExplicit"),
        jmh.get("generatedExplicitRecorded"));
    recordingRow("bypass", jmh.get("bypassOwnedByOther"), jmh.get("bypassRecorded"));
    line();
  }

  private void recordingRow(String label, JmhResult off, JmhResult on) {
    line(String.format("| %s | %.2f ± %.2f | %.2f ± %.2f | %s | %s / %s | %s; %s |", label,
        off.median(), off.error(), on.median(), on.error(), on.over(off), bytes(off), bytes(on),
        off.forks(), on.forks()));
  }

  private void readScaling() {
    line("## Read scaling");
    line();
    line("Threads of one interpreter hitting the same object (throughput, all threads together).");
    line("The plain final field shows what two threads can get on this machine at all.");
    line();
    line("| | 1 thread, ops/µs | 2 threads, ops/µs | 2 threads / 1 thread | ns/op per thread (1 / 2"
        + " threads) | B/op (1 / 2 threads) |");
    line("|---|---:|---:|---:|---:|---:|");
    scaling("@PyHandleCached, explicit, 1 slot", "generated");
    scaling("plain final field", "plainField");
    line();
  }

  private void scaling(String label, String prefix) {
    JmhResult one = jmh.get(prefix + "OneThread");
    JmhResult two = jmh.get(prefix + "TwoThreads");
    line(String.format("| %s | %.0f ± %.0f | %.0f ± %.0f | %s | %.2f / %.2f | %s / %s |", label,
        one.median(), one.error(), two.median(), two.error(), two.over(one),
        1e3 / one.median(), 2e3 / two.median(), bytes(one), bytes(two)));
  }

  private void footprintTables() {
    ClaimCosts claim = footprint.claim();
    line("## Footprint");
    line();
    line("Measured with JOL on this JVM (compressed references) on a host object that holds one");
    line("name. *Field* is the width of what the accessor adds to the host, *instance* the growth of");
    line("the host after 8-byte alignment, *table* the shallow size of the slot table once a slot is");
    line("claimed, *retained* the instance growth plus the table (not the values, not the");
    line("interpreters). *Previous* is what the previous protocol's inline slots (a tag and a value");
    line("field each) added to the host. The table is shared by all the slots of an accessor and");
    line("replaced, not grown, by each claim.");
    line();
    line("| accessor | value | state | field, B | instance, B | table, B | retained, B |"
        + " previous: fields, B |");
    line("|---|---|---|---:|---:|---:|---:|---:|");
    for (FootprintRow row : footprint.rows()) {
      if (row.previousFieldBytes() >= 0) {
        line(String.format("| %s | %s | %s | %d | %d | %d | %d | %d |", row.cache(), row.value(),
            row.state(), row.fieldBytes(), row.instanceBytes(), row.tableBytes(),
            row.retainedBytes(), row.previousFieldBytes()));
      }
    }
    line();
    line(String.format("Each claim also registers the object with its interpreter, so that"
        + " `close()` can find it: %d B", claim.registrationBytes()));
    line(String.format("held by the interpreter (a `WeakReference` subclass of %d B and a"
        + " `ConcurrentLinkedQueue` node of %d B,", claim.referenceBytes(), claim.nodeBytes()));
    line("JOL class layouts), until it closes or the object is collected. The previous protocol");
    line("registered nothing.");
    line();
    line("What the alternatives add, once filled (they cache one value for everyone, except the");
    line("map):");
    line();
    line("| cache | value | slots | fields, B | instance, B | retained, B |");
    line("|---|---|---:|---:|---:|---:|");
    for (FootprintRow row : footprint.rows()) {
      if (row.previousFieldBytes() < 0) {
        line(String.format("| %s | %s | %s | %d | %d | %d |", row.cache(), row.value(),
            row.slots() == 0 ? "untagged" : row.slots(), row.fieldBytes(), row.instanceBytes(),
            row.retainedBytes()));
      }
    }
    line();
  }

  private void compileTimeTable() {
    CompileTimeRow none = compileTime.get(0);
    line("## Compile time");
    line();
    line(String.format("javac (`--release 17`, a fresh JVM per run) on a generated module of %,d",
        none.classes()));
    line("classes with three cached accessors each (explicit, implicit, explicit with 4 slots);");
    line("for AutoValue, equivalent classes with one property and three `@Memoized` methods.");
    line(String.format("%d counted run(s) each (the median if more), taking turns; a first,"
        + " uncounted run warms", none.runsSeconds().size()));
    line("the file cache.");
    line();
    line("| | median, s | runs, s | x no processor |");
    line("|---|---:|---|---:|");
    for (CompileTimeRow row : compileTime) {
      line(String.format("| %s | %.2f | %s | %.2f |", row.variant(), row.medianSeconds(),
          String.join(", ", row.runsSeconds().stream().map(s -> String.format("%.2f", s))
              .toList()),
          row.medianSeconds() / none.medianSeconds()));
    }
    line();
  }

  private void notes() {
    line("## What is measured");
    line();
    line("Source: `benchmarks/src/main/java/io/github/pyhandlecache/benchmarks/`. Each contender");
    line("is a small class in `operators/` whose accessor returns a `PyObjectStub`:");
    line();
    line("- *seed's protocol by hand*: two plain fields, `getAcquire` of the tag, compare, plain");
    line("  load of the value. PyTorch's hit, racy without a GIL: the floor of a tagged cache.");
    line("- *previous protocol by hand*: `InlineValidatedOperator`, the hit the processor generated");
    line("  before slot tables, instruction for instruction (a null test of the interpreter, then");
    line("  per slot `getAcquire` tag, compare, `getOpaque` value, acquire fence, `getOpaque` tag).");
    line("- *@PyHandleCached*: the processor's generated subclass of an abstract `Operator`, called");
    line("  through the `Operator` type as users do. Its hit is an acquire load of the accessor's");
    line("  table, a null test of it (nothing claimed yet), a compare of each tag with the");
    line("  interpreter and a load of the value.");
    line("- AutoValue, Immutables and Lombok cache one value per object for every interpreter");
    line("  (untagged); `ClassValue` caches one per class; the `ThreadLocal` one per thread; the");
    line("  `ConcurrentHashMap` is tagged like this project (`get`, then `computeIfAbsent` on a miss).");
    line("- Implicit form and `ThreadLocal` both pay a `ThreadLocal` lookup: `PyInterpreter.current()`.");
    line();
  }

  private void whyMissed(List<Target> targets) {
    List<String> reasons = new ArrayList<>();
    for (Target target : targets) {
      if (target.missed() && !target.whyMissed().isEmpty()
          && !reasons.contains(target.whyMissed())) {
        reasons.add(target.whyMissed());
      }
    }
    if (reasons.isEmpty()) {
      return;
    }
    line("## Why the missed targets are missed");
    line();
    line(Notes.NOISE);
    for (String reason : reasons) {
      line(reason);
    }
    line();
  }

  private JmhResult hit(HitRow row) {
    return jmh.get(row.method);
  }

  private FootprintRow footprint(String cache, String value, String state) {
    return footprint.rows().stream()
        .filter(row -> row.cache().equals(cache) && row.value().equals(value)
            && row.state().equals(state))
        .findFirst()
        .orElseThrow();
  }

  private static String bytes(JmhResult result) {
    return Double.isNaN(result.bytesPerOp()) ? "n/a" : String.format("%.2f", result.bytesPerOp());
  }

  private void line(String text) {
    page.append(text).append('\n');
  }

  private void line() {
    page.append('\n');
  }
}

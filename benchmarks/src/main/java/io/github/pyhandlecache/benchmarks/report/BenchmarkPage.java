package io.github.pyhandlecache.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code docs/BENCHMARKS.md} and its chart from the results of one run of {@code
 * benchmarks/run} ({@link RunData}), and from nothing else: every figure on the page, and every
 * statement about a figure, is read or computed from them. The limits of this round's targets are
 * in {@link Targets}.
 *
 * <p>Usage: {@code BenchmarkPage <results directory> <BENCHMARKS.md> <chart.png>}.
 */
public final class BenchmarkPage {
  private final RunData data;
  private final String chartFile;
  private final PageText page = new PageText();

  private BenchmarkPage(RunData data, String chartFile) {
    this.data = data;
    this.chartFile = chartFile;
  }

  public static void main(String[] args) throws IOException {
    Locale.setDefault(Locale.ROOT);
    RunData data = RunData.read(Path.of(args[0]));
    Path out = Path.of(args[1]);
    Path chart = Path.of(args[2]);
    Files.writeString(out, new BenchmarkPage(data, chart.getFileName().toString()).render());
    JmhRun jmh = data.jmh();
    new HitCostChart(jmh, String.format(
        "Median of %d forks x %d iterations, one run of benchmarks/run; %s", jmh.forks(),
        jmh.iterations(), jmh.jdk())).write(chart);
  }

  private String render() {
    page.line("# Benchmarks");
    page.line();
    page.text("""
        What a cache hit costs against the floor, earlier protocols and what a user would otherwise
        pick, in the CPU's caches and on a registry walk whose hosts mostly are not; what a host and
        a claim cost at scale; what a miss, `close()` and a JFR recording cost; how reads scale;
        what an accessor adds to an object and what the processor adds to a build. Every figure on
        this page was read from the files that one run of `benchmarks/run` wrote
        (`benchmarks/target/results/`), or computed from them; the page and its chart are written by
        that run, and compare nothing with another run. Ratios are to a baseline measured in the
        same run.
        """);
    page.line();
    machine();
    List<Target> targets = Targets.of(data);
    targetTable(targets);
    ProgramSections programs = new ProgramSections(data, page);
    JmhSections jmh = new JmhSections(data, page);
    programs.scale();
    jmh.registryWalk();
    jmh.hits(chartFile);
    jmh.interpreterThreads();
    jmh.misses();
    jmh.close();
    jmh.recording();
    jmh.readScaling();
    programs.footprint();
    programs.compileTime();
    whatIsMeasured();
    whyMissed(targets);
    return page.toString();
  }

  private void machine() {
    Machine machine = data.machine();
    JmhRun jmh = data.jmh();
    page.line("## Machine and commands");
    page.line();
    page.format("- Date: %s", machine.date());
    page.format("- CPU: %s, %d cores", machine.cpu(), machine.cores());
    page.format("- Memory: %d GiB; OS: %s", machine.memoryGib(), machine.os());
    page.format("- Load average when the run started: %s (1, 5 and 15 minutes)",
        machine.loadAverage());
    page.format("- JDK: %s", jmh.jdk());
    page.format("- JMH %s: %d forks x %d measured iterations per benchmark, `-prof gc`",
        jmh.jmhVersion(), jmh.forks(), jmh.iterations());
    page.line();
    page.line("```");
    page.line(data.commands());
    page.line("```");
    page.line();
    page.text("""
        Read each figure with its error. For JMH, the error is JMH's: half the 99.9% confidence
        interval of the mean. For the scale report, it is the spread of its runs. A ratio's error
        adds the two relative errors in quadrature. A target "within" a limit counts as met only if
        the whole interval meets it, as not met only if the whole interval misses it; otherwise this
        run does not show it either way.
        """);
    page.line();
  }

  private void targetTable(List<Target> targets) {
    JmhRun jmh = data.jmh();
    page.line("## Targets");
    page.line();
    page.line("| target | measured | verdict |");
    page.line("|---|---|---|");
    for (Target target : targets) {
      page.line("| " + target.text() + " | " + target.measured() + " | " + target.verdict() + " |");
    }
    page.line();
    page.line("Reported, without a target:");
    page.line();
    JmhResult explicit = jmh.get(HitRow.GENERATED_EXPLICIT.method);
    JmhResult taken = jmh.get(HitRow.FOUR_SLOTS_PREFERRED_TAKEN.method);
    page.format("- 4 slots, an interpreter whose preferred slot another one had taken (each call"
        + " goes to the miss method, which finds its slot by a scan): %s ns/op, %s the hit of the"
        + " 1st claimer.", PageText.score(taken),
        taken.over(jmh.get(HitRow.FOUR_SLOTS_FIRST_CLAIMER.method)));
    JmhResult implicit = jmh.get(HitRow.GENERATED_IMPLICIT.method);
    page.format("- The getter form with an entered scope (the thread's answer read through a"
        + " `ThreadLocal`), on JMH's own threads: %s ns/op, %s the explicit form.",
        PageText.score(implicit), implicit.over(explicit));
    page.format("- The hit (explicit, 1 slot) in the L1 cache: %s ns/op, %s the plain final field.",
        PageText.score(explicit), explicit.over(jmh.get(HitRow.PLAIN_FINAL_FIELD.method)));
    floorBullet("The seed's claim with the registration that Release needs and nothing else"
        + " (`hosts/RegisteringSeedHost`, in the scale report): %s ns, %s the seed's claim (the"
        + " means of the runs, purges included: %.2fx); the 1-slot claim of @PyHandleCached is %s"
        + " that.", "seedregistering", "generated1");
    floorBullet("The same with 4 slots claimed by four interpreters, sharing one registration"
        + " (`hosts/RegisteringSeedFourSlotHost`): %s ns per interpreter, %s the seed's claim (the"
        + " means of the runs: %.2fx); the 4-slot claim of @PyHandleCached is %s that.",
        "seedregistering4", "generated4");
    page.line();
  }

  /** A floor row of the scale report: its claim, against the seed's and under {@code ours}. */
  private void floorBullet(String format, String floor, String ours) {
    Amount claim = data.claimNanos(floor);
    page.format("- " + format, claim.format(1), data.claimOverSeed(floor),
        data.meanClaimOverSeed(floor), Ratio.of(data.claimNanos(ours), claim));
  }

  private void whatIsMeasured() {
    page.line("## What is measured");
    page.line();
    page.text("""
        Source: `benchmarks/src/main/java/io/github/pyhandlecache/benchmarks/`. The hit benchmarks
        call small classes in `operators/` whose accessor returns a `PyObjectStub`; the scale report
        and the registry walk use the hosts of `hosts/`:
        """);
    page.line();
    page.text("""
        - *seed's protocol by hand*: an inline tag and value, `getAcquire` of the tag, compare,
          plain load of the value; a claim CASes the tag, then writes the value. PyTorch's hit, racy
          without a GIL: the floor of a tagged cache.
        - *inline validated by hand* ("direction 1", two protocols ago): an inline tag and value,
          and per slot `getAcquire` of the tag, compare, `getOpaque` of the value, an acquire fence
          and `getOpaque` of the tag again.
        - *previous protocol (b193d66) by hand*: one field per accessor, null until the first claim;
          a claim builds an immutable table (a second one, the merged copy, when the host has one
          already) and CASes it in, after appending a `WeakReference` to the host (which holds the
          accessor) to the interpreter's `ConcurrentLinkedQueue`.
        - *@PyHandleCached*: the processor's generated subclass, called through the annotated type
          as users do. The host's constructor allocates one slot table per accessor; a hit is an
          acquire load of the table, a null test, an acquire load of the tag of the caller's
          preferred slot, a compare and a load of the value. A claim CASes a `Claim` into a slot,
          then completes it; the host's first claim makes its registration, which each claiming
          interpreter appends to its arrays of registrations.
        - AutoValue, Immutables and Lombok cache one value per object for every interpreter
          (untagged); `ClassValue` caches one per class; the `ThreadLocal` one per thread; the
          `ConcurrentHashMap` is tagged like this project (`get`, then `computeIfAbsent` on a miss).
        - The getter form and the `ThreadLocal` pay a thread-local lookup, except on the threads of
          an interpreter's `threadFactory()`, where `PyInterpreter.current()` reads the thread's own
          fields.
        """);
    page.line();
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
    page.line("## Why the missed targets are missed");
    page.line();
    page.line(new Notes(data).conditions());
    reasons.forEach(page::line);
    page.line();
  }
}

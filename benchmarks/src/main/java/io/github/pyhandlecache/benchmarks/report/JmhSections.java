package io.github.pyhandlecache.benchmarks.report;

import static io.github.pyhandlecache.benchmarks.report.PageText.bytes;
import static io.github.pyhandlecache.benchmarks.report.PageText.score;

import io.github.pyhandlecache.benchmarks.footprint.ClaimCosts;
import java.util.Comparator;
import java.util.List;

/** The page's sections of JMH results: walk, hits, interpreter threads, misses, close, JFR. */
final class JmhSections {
  private final RunData data;
  private final JmhRun jmh;
  private final PageText page;

  JmhSections(RunData data, PageText page) {
    this.data = data;
    this.jmh = data.jmh();
    this.page = page;
  }

  void registryWalk() {
    List<String> sizes = Targets.registrySizes(jmh);
    page.line("## Registry walk");
    page.line();
    page.text("""
        Hits on host objects in a random order, as a dispatcher looks operators up, so that most
        hosts are not in the CPU's caches and every dependent load of a hit shows
        (`RegistryBenchmark`). Every host has one shape (`hosts/`): a `final String name` and one
        cache of one slot, whose slow accessor returns the name. The hosts are created in one order,
        their caches claimed in a second, random order and hit in a third: a cache that allocates
        when it is claimed (the previous protocol) puts its table far from its host, one that
        allocates in the constructor (this project's) next to it. Each invocation hits a batch of
        hosts from a cursor that moves on through the
        """);
    page.line("third order. Each fork builds its benchmark's hosts only, with "
        + code(jmh.get("registryGenerated[" + sizes.get(0) + "]").jvmArgs().stream()
            .filter(arg -> arg.startsWith("-X")).toList())
        + ": G1,");
    page.text("""
        the JDK's default collector, named, and a fixed heap whose young generation is large enough
        that building the hosts needs no collection, since a collection copies objects in an order
        of its own. The setup fails if one runs; *collections* counts those of the measurement.
        """);
    page.line();
    page.line("| hosts | | ns/op (median) | error | x inline validated | x final field | B/op |"
        + " collections | fork medians, ns/op |");
    page.line("|---:|---|---:|---:|---:|---:|---:|---:|---|");
    for (String size : sizes) {
      JmhResult field = jmh.get("registryFinalField[" + size + "]");
      JmhResult inline = jmh.get("registryInlineValidated[" + size + "]");
      walkRow(size, "final field", field, inline, field);
      walkRow(size, "seed's protocol by hand", jmh.get("registrySeedProtocol[" + size + "]"),
          inline, field);
      walkRow(size, "inline validated by hand, 1 slot", inline, inline, field);
      walkRow(size, "previous protocol (b193d66) by hand, 1 slot",
          jmh.get("registryPreviousProtocol[" + size + "]"), inline, field);
      walkRow(size, "@PyHandleCached, explicit, 1 slot",
          jmh.get("registryGenerated[" + size + "]"), inline, field);
    }
    page.line();
  }

  private void walkRow(String size, String label, JmhResult result, JmhResult inline,
      JmhResult field) {
    page.format("| %,d | %s | %.2f | ± %.2f | %s | %s | %s | %.0f | %s |", Long.parseLong(size),
        label, result.median(), result.error(), result.over(inline), result.over(field),
        bytes(result), result.collections(), result.forks());
  }

  void hits(String chartFile) {
    JmhResult floor = jmh.get(HitRow.PLAIN_FINAL_FIELD.method);
    page.line("## Hit cost");
    page.line();
    page.text("""
        One thread, every call a hit on one object (the cache was filled by the interpreter that
        asks), so everything is in the L1 cache: the cost of the instructions (`HitBenchmark`).
        """);
    page.line();
    page.line("| | kind | ns/op (median) | error | x plain final field | B/op |");
    page.line("|---|---|---:|---:|---:|---:|");
    for (HitRow row : HitRow.values()) {
      JmhResult result = jmh.get(row.method);
      page.format("| %s | %s | %.2f | ± %.2f | %s | %s |", row.label, row.group.label,
          result.median(), result.error(), result.over(floor), bytes(result));
    }
    page.line();
    page.line("![Cost of a cache hit](" + chartFile + ")");
    page.line();
    JmhResult first = jmh.get(HitRow.FOUR_SLOTS_FIRST_CLAIMER.method);
    page.text("""
        Four interpreters claimed the 4-slot accessor in turn, each in the slot it prefers (its
        `hashCode()` modulo 4), which is the only slot its hit looks at. The hit of the
        """);
    page.format("4th claimer cost %s the 1st's. An interpreter whose preferred slot another one",
        jmh.get(HitRow.FOUR_SLOTS_FOURTH_CLAIMER.method).over(first));
    page.text("""
        had taken owns the next free one, which its hit does not look at: each of its calls goes to
        the miss method, which finds its slot by a scan before it would run the slow
        """);
    page.format("accessor. That call cost %s the 1st claimer's hit.",
        jmh.get(HitRow.FOUR_SLOTS_PREFERRED_TAKEN.method).over(first));
    page.format("The getter form with an entered scope (the thread's answer read through a"
        + " `ThreadLocal`) cost %s", jmh.get(HitRow.GENERATED_IMPLICIT.method)
        .over(jmh.get(HitRow.GENERATED_EXPLICIT.method)));
    page.text("""
        the explicit form; on threads of an interpreter's `threadFactory()`, see the next section.
        """);
    page.line();
  }

  void interpreterThreads() {
    JmhResult explicit = jmh.get("explicitOnInterpreterThread");
    JmhResult getter = jmh.get("implicitOnInterpreterThread");
    page.line("## The getter form on interpreter threads");
    page.line();
    page.text("""
        JMH's worker threads made by an interpreter's `threadFactory()`, where the getter's hit
        reads the thread's answer from a field of the thread (`InterpreterThreadBenchmark`, through
        JMH's custom executor `InterpreterThreadExecutor`, in a JMH invocation of its own: see the
        commands above). The explicit form on the same threads and object is the baseline.
        """);
    page.line();
    page.line("| | ns/op (median) | error | x explicit form | B/op | fork medians, ns/op |");
    page.line("|---|---:|---:|---:|---:|---|");
    page.format("| explicit form | %.2f | ± %.2f | %s | %s | %s |", explicit.median(),
        explicit.error(), explicit.over(explicit), bytes(explicit), explicit.forks());
    page.format("| getter form | %.2f | ± %.2f | %s | %s | %s |", getter.median(),
        getter.error(), getter.over(explicit), bytes(getter), getter.forks());
    page.line();
  }

  void misses() {
    JmhResult direct = jmh.get("slowAccessorDirect");
    JmhResult fresh = jmh.get("slowAccessorFreshObject");
    JmhResult claim = jmh.get("firstClaim");
    JmhResult claimClosed = jmh.get("firstClaimInterpreterClosedAfter");
    ClaimCosts costs = data.footprint().claim();
    page.line("## Miss paths");
    page.line();
    page.format("The slow accessor allocates one object per call (%s B/op called directly). A"
        + " *bypass* is a", bytes(direct));
    page.text("""
        call whose interpreter finds the accessor's one slot owned by another, open interpreter: the
        accessor runs every time and nothing is cached. A *first claim* is the first call on a fresh
        object: it runs the accessor, registers the object with the interpreter and claims a slot of
        the table the object's constructor allocated. The claims come in batches of fresh objects
        created before each timed batch; every claim row allocates the same objects there, and
        `-prof gc` counts them, so a claim allocates the difference of its B/op and the baseline's.
        The claiming interpreter either lives for the whole benchmark (the registrations of the
        objects it claimed pile up as the objects die, until they are purged) or is closed after
        each batch, outside the timing.
        """);
    page.line();
    page.line("| | ns/op (median) | error | baseline | x baseline | B/op |");
    page.line("|---|---:|---:|---|---:|---:|");
    miss("bypass (slot owned by another interpreter)", jmh.get("bypassOwnedByOther"), direct,
        "slow accessor, no cache");
    miss("slow accessor called directly, no cache", direct, direct, "itself");
    miss("first claim, long-lived interpreter", claim, fresh, "fresh object, no cache");
    miss("first claim, interpreter closed after each batch", claimClosed, fresh,
        "fresh object, no cache");
    miss("fresh object, slow accessor, no cache", fresh, fresh, "itself");
    page.line();
    page.format("Here a first claim allocates %.1f B/op more than the slow accessor alone"
        + " (long-lived", claim.bytesPerOp() - fresh.bytesPerOp());
    page.format("interpreter; %.1f B/op with the interpreter closed after each batch). Counted"
        + " exactly", claimClosed.bytesPerOp() - fresh.bytesPerOp());
    page.format("(the thread's allocation counter over %,d first claims of a 1-slot accessor by a"
        + " fresh", costs.claims());
    page.format("interpreter, `FootprintReport`), a claim allocated %.1f B. What JOL lays out of"
        + " that: a", costs.allocatedPerClaim());
    page.format("`Claim` of %d B (a slot's tag while the claim is pending, garbage after), the"
        + " host's", costs.claimObjectBytes());
    page.format("registration of %d B and one %d-byte reference in the interpreter's registration"
        + " array:", costs.registrationBytes(), costs.entryBytes());
    page.format("%d B. The host's table is not among them: its constructor allocated it.",
        costs.claimObjectBytes() + costs.registrationBytes() + costs.entryBytes());
    page.line();
  }

  private void miss(String label, JmhResult result, JmhResult base, String baseLabel) {
    page.format("| %s | %.1f | ± %.1f | %s | %s | %s |", label, result.median(),
        result.error(), baseLabel, result.over(base), bytes(result));
  }

  void close() {
    ClaimCosts costs = data.footprint().claim();
    List<Long> slots = jmh.params("closePerSlot").stream().map(Long::parseLong)
        .sorted(Comparator.naturalOrder()).toList();
    page.line("## close()");
    page.line();
    page.text("""
        Interpreters that each claimed one slot on N objects, then `close()`: time per released slot
        (`CloseBenchmark`). Every invocation releases as many slots as the largest N: that many
        interpreters of one slot each, down to one interpreter of all of them, claimed before it,
        outside the timing. A release seals the object's table and CASes in a new one without the
        interpreter.
        """);
    page.line();
    page.line("| slots per interpreter (N) | ns per released slot (median) | error |"
        + " µs per close() |");
    page.line("|---:|---:|---:|---:|");
    for (long n : slots) {
      JmhResult result = jmh.get("closePerSlot[" + n + "]");
      page.format("| %,d | %.1f | ± %.1f | %.2f |", n, result.median(), result.error(),
          result.median() * n / 1e3);
    }
    page.line();
    page.format("`close()` allocated %.1f B per released slot (the thread's allocation counter,"
        + " %,d slots", costs.allocatedPerReleasedSlot(), costs.claims());
    page.format("of a 1-slot accessor); a 1-slot table is %d B. `-prof gc` is not shown for these"
        + " rows: it", costs.tableBytes());
    page.line("counts the claims made before each invocation too.");
    page.line();
  }

  void recording() {
    page.line("## JDK Flight Recorder");
    page.line();
    page.text("""
        The same hit and bypass with and without a recording that enables every
        `io.github.pyhandlecache.*` event (threshold 0, no stack traces, written to
        `benchmarks/target/tmp/jfr/`; `RecordingBenchmark`). A hit records nothing; a bypass records
        one `Bypass` event per call.
        """);
    page.line();
    page.line("| | no recording, ns/op | recording, ns/op | recording / none | B/op (none /"
        + " recording) | fork medians, ns/op (none; recording) |");
    page.line("|---|---:|---:|---:|---:|---|");
    recordingRow("hit (explicit, 1 slot)", jmh.get("generatedExplicit"),
        jmh.get("generatedExplicitRecorded"));
    recordingRow("bypass", jmh.get("bypassOwnedByOther"), jmh.get("bypassRecorded"));
    page.line();
  }

  private void recordingRow(String label, JmhResult off, JmhResult on) {
    page.format("| %s | %s | %s | %s | %s / %s | %s; %s |", label, score(off), score(on),
        on.over(off), bytes(off), bytes(on), off.forks(), on.forks());
  }

  void readScaling() {
    page.line("## Read scaling");
    page.line();
    page.text("""
        Threads of one interpreter hitting the same object (throughput, all threads together;
        `ReadScalingBenchmark`). The plain final field writes no shared memory either: it shows what
        more threads get on this machine at all.
        """);
    page.line();
    page.line("| | 1 thread, ops/µs | 2 threads, ops/µs | 2 threads / 1 thread |"
        + " ns/op per thread (1 / 2 threads) | B/op (1 / 2 threads) |");
    page.line("|---|---:|---:|---:|---:|---:|");
    scaling("@PyHandleCached, explicit, 1 slot", "generated");
    scaling("plain final field", "plainField");
    page.line();
    page.format("In this run the machine had %d cores; two threads got %s one thread's throughput",
        data.machine().cores(), jmh.get("generatedTwoThreads").over(jmh.get("generatedOneThread")));
    page.format("on the hit and %s on the plain final field.",
        jmh.get("plainFieldTwoThreads").over(jmh.get("plainFieldOneThread")));
    page.line();
  }

  private void scaling(String label, String prefix) {
    JmhResult one = jmh.get(prefix + "OneThread");
    JmhResult two = jmh.get(prefix + "TwoThreads");
    page.format("| %s | %.0f ± %.0f | %.0f ± %.0f | %s | %.2f / %.2f | %s / %s |", label,
        one.median(), one.error(), two.median(), two.error(), two.over(one),
        1e3 / one.median(), 2e3 / two.median(), bytes(one), bytes(two));
  }

  static String code(List<String> jvmArgs) {
    return "`" + String.join(" ", jvmArgs) + "`";
  }
}

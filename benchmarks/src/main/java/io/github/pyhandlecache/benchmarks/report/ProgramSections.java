package io.github.pyhandlecache.benchmarks.report;

import io.github.pyhandlecache.benchmarks.compiletime.CompileTimeRow;
import io.github.pyhandlecache.benchmarks.footprint.ClaimCosts;
import io.github.pyhandlecache.benchmarks.footprint.FootprintRow;
import io.github.pyhandlecache.benchmarks.scale.ScaleResult;
import java.util.List;

/** The page's sections of the plain programs' results: scale, JOL footprint, compile time. */
final class ProgramSections {
  private final RunData data;
  private final PageText page;

  ProgramSections(RunData data, PageText page) {
    this.data = data;
    this.page = page;
  }

  void scale() {
    ScaleResult scale = data.scale();
    ScaleResult.Row seed = data.scaleRow("seed");
    int runs = seed.runs().size();
    int repetitions = seed.heapBytesPerHost().size();
    page.format("## %,d hosts: heap per host and claims", scale.hosts());
    page.line();
    page.format("`ScaleReport`, a program that measures each variant in %d JVMs of its own, one"
        + " after another (%s; collectors: %s), on %,d hosts", scale.forks(),
        JmhSections.code(scale.jvmOptions()), String.join(", ", scale.collectors()),
        scale.hosts());
    page.text("""
        per variant, all of one shape (`hosts/`): a `final String name` and one cache, whose slow
        accessor returns the name, so that what is counted is the cache's own.
        """);
    page.line();
    page.text("""
        - *Heap per host*: the heap used after `System.gc()` (repeated until it stops changing),
          with the hosts created and claimed and their interpreters alive, minus the same before the
          hosts were created, per host, minus the same for the host without a cache: all a cache
          keeps for a host, what the host's constructor allocates and the
        """);
    page.format("  interpreters' registrations included. %d repetitions.", repetitions);
    page.text("""
        - *Claim*: long-lived interpreters (one; four for 4 slots, one after another) each claim
          every one of fresh hosts; the wall time of those loops per claim, collections during them
          included, and the bytes the thread allocated in them. Each run collects, creates its hosts
          (timed apart: *construction*, the array that holds them included), then collects again,
          which moves them to the old generation: every run's claims start alike. The registrations
          of earlier runs' hosts pile up in the interpreters until purged.
        """);
    page.format("- Each figure is the best of %d runs after warm-up runs, %d in each JVM (of the %d",
        runs, runs / scale.forks(), repetitions);
    page.line("  repetitions for the heap); ± is their spread, highest minus lowest. The mean of the");
    page.text("""
          runs is the steady state: a purge of collected hosts' registrations runs in one run of
          two or three, and the best run may be one that left it to another.
        """);
    page.line();
    page.line("| | heap per host above no cache, B | claim, ns | x seed's claim |"
        + " claim, mean of the runs, ns (x seed's) | claim, B |"
        + " collections during the claims (best run) | construction, ns per host |"
        + " construction, B per host |");
    page.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (ScaleResult.Row row : scale.rows()) {
      Amount construct = Amount.best(
          row.runs().stream().map(ScaleResult.Run::constructNanosPerHost).toList());
      Amount constructBytes = Amount.best(
          row.runs().stream().map(ScaleResult.Run::constructBytesPerHost).toList());
      if (row.claimants() == 0) {
        page.format("| %s | baseline: %s per host and its array element | | | | | | %s | %s |",
            row.label(), Amount.best(row.heapBytesPerHost()).format(1), construct.format(1),
            constructBytes.format(1));
        continue;
      }
      Amount claim = data.claimNanos(row.key());
      ScaleResult.Run best = data.bestRun(row.key());
      double mean = data.claimMeanNanos(row.key());
      page.format("| %s | %s | %s | %s | %.1f (%.2fx) | %s | %d (%d ms) | %s | %s |",
          row.label(), data.heapAbovePlain(row.key()).format(1), claim.format(1),
          data.claimOverSeed(row.key()), mean, data.meanClaimOverSeed(row.key()),
          data.claimBytes(row.key()).format(1),
          best.claimCollections(), best.claimCollectionMillis(), construct.format(1),
          constructBytes.format(1));
    }
    page.line();
    FootprintRow one = data.footprint("@PyHandleCached, 1 slot", "reference", "claimed by 1");
    FootprintRow four = data.footprint("@PyHandleCached, 4 slots", "reference", "claimed by 4");
    page.format("JOL's layouts of the same (*Footprint* below) add up to %d B per host for 1 slot"
        + " and %d B", one.retainedBytes(), four.retainedBytes());
    page.line("for 4 slots, before the registration arrays' headers and unused elements.");
    page.line();
    page.text("""
        The rows *with the registration Release needs* are the seed's protocol plus the least that
        Release adds to any layout (`hosts/RegisteringSeedHost`,
        `hosts/RegisteringSeedFourSlotHost`): each claim registers its host, weakly, with the
        claiming interpreter, in arrays purged of collected hosts as the runtime's are (with 4
        slots, the host's first claim makes the registration and every claiming interpreter adds it
        to its arrays). `close()` must find the hosts whose slots it empties; arrays that held them
        strongly would keep alive every host whose value refers back to it. No claim token, no
        check that the interpreter is open, no event probe: the floor of a claim that keeps Release.

        The *candidate* rows are a layout measured before anything generates it
        (`hosts/TokenProtocol`): inline slots (a tag and a value per slot, in the host), claimed by
        CASing the tag from empty to the claiming thread, the value from null to the claim's, then
        the tag from the thread to the interpreter, with nobody waiting on a thread's token; one
        weak registration per host, shared by every accessor and interpreter of the host. Its
        values are `Object` fields, written by CAS, so that a `close()` racing a claim could poison
        one instead of waiting; its `close()` is not written. Its hit is the inline validated one,
        measured in the registry walk and the hit costs below. The row that registers nothing
        claims as the candidate does without its registration (no `close()` could find those
        slots): the difference is what the registration and its purge cost a claim.
        """);
    page.line();
  }

  void footprint() {
    ClaimCosts claim = data.footprint().claim();
    page.line("## Footprint");
    page.line();
    page.text("""
        Measured with JOL on this JVM on a host object that holds one name (`Entries`). *Field* is
        the width of what the accessor adds to the host, *instance* the growth of the host after
        alignment, *table* the slot table that the host's constructor allocates, *registration* the
        weak reference that the host's first claim makes and every claiming interpreter holds,
        *entries* the references to it in the claiming interpreters' registration arrays, *retained*
        their sum (not the values, not the interpreters). A table serves all the slots of an
        accessor; a release replaces it.
        """);
    page.line();
    page.line("| accessor | value | state | field, B | instance, B | table, B | registration, B |"
        + " entries, B | retained, B |");
    page.line("|---|---|---|---:|---:|---:|---:|---:|---:|");
    for (FootprintRow row : data.footprint().rows()) {
      if (row.cache().startsWith("@PyHandleCached")) {
        page.format("| %s | %s | %s | %d | %d | %d | %d | %d | %d |", row.cache(), row.value(),
            row.state(), row.fieldBytes(), row.instanceBytes(), row.tableBytes(),
            row.registrationBytes(), row.entryBytes(), row.retainedBytes());
      }
    }
    page.line();
    page.format("A pending claim's tag, a `Claim`, is %d B, garbage once the claim completes.",
        claim.claimObjectBytes());
    page.line();
    page.text("""
        What the alternatives add, once filled (they cache one value for everyone, except the map):
        """);
    page.line();
    page.line("| cache | value | slots | fields, B | instance, B | retained, B |");
    page.line("|---|---|---:|---:|---:|---:|");
    for (FootprintRow row : data.footprint().rows()) {
      if (!row.cache().startsWith("@PyHandleCached")) {
        page.format("| %s | %s | %s | %d | %d | %d |", row.cache(), row.value(),
            row.slots() == 0 ? "untagged" : row.slots(), row.fieldBytes(), row.instanceBytes(),
            row.retainedBytes());
      }
    }
    page.line();
  }

  void compileTime() {
    List<CompileTimeRow> rows = data.compileTime();
    CompileTimeRow none = rows.get(0);
    page.line("## Compile time");
    page.line();
    page.format("javac (`--release 17`, a fresh JVM per run) on a generated module of %,d classes",
        none.classes());
    page.text("""
        with three cached accessors each (explicit, getter, explicit with 4 slots); for AutoValue,
        equivalent classes with one property and three `@Memoized` methods
        """);
    page.format("(`CompileTimeBenchmark`). %d counted run(s) each (the median if more), taking"
        + " turns; a", none.runsSeconds().size());
    page.line("first, uncounted run warms the file cache.");
    page.line();
    page.line("| | median, s | runs, s | x no processor |");
    page.line("|---|---:|---|---:|");
    for (CompileTimeRow row : rows) {
      page.format("| %s | %.2f | %s | %.2f |", row.variant(), row.medianSeconds(),
          String.join(", ", row.runsSeconds().stream().map(s -> String.format("%.2f", s))
              .toList()),
          row.medianSeconds() / none.medianSeconds());
    }
    page.line();
  }
}

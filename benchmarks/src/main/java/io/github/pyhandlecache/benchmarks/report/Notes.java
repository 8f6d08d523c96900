package io.github.pyhandlecache.benchmarks.report;

import io.github.pyhandlecache.benchmarks.footprint.ClaimCosts;
import io.github.pyhandlecache.benchmarks.footprint.FootprintRow;

/**
 * What the page says under a target it missed: what the code does on that path (which no
 * measurement can contradict) and figures computed from the run, never figures of its own.
 */
final class Notes {
  private final RunData data;

  Notes(RunData data) {
    this.data = data;
  }

  /** The heap of a claimed host, laid out by JOL, against the scale report's measurement. */
  String heap(int slots) {
    FootprintRow row = data.footprint(slots == 1 ? "@PyHandleCached, 1 slot"
        : "@PyHandleCached, 4 slots", "reference", "claimed by " + slots);
    Amount measured = data.heapAbovePlain(slots == 1 ? "generated1" : "generated4");
    return String.format("""
        - **Heap per host, %d slot%s.** JOL's layouts of a host of the same shape (`Entries`): \
        the accessor's field grows the host by %d B after alignment, the table its constructor \
        allocates takes %d B, the registration its first claim makes (a `WeakReference` to the \
        host that holds the accessor's own weak reference) %d B, and the claiming interpreters' \
        registration arrays hold %d B of references to it: %d B in all, against %s B measured on \
        %,d hosts (the measurement counts all the claims keep, the arrays' headers and unused \
        elements included).""",
        slots, slots == 1 ? "" : "s", row.instanceBytes(), row.tableBytes(),
        row.registrationBytes(), row.entryBytes(), row.retainedBytes(), measured.format(1),
        data.scale().hosts());
  }

  String claim() {
    ClaimCosts costs = data.footprint().claim();
    return String.format("""
        - **Claim.** The seed's claim, after its slow accessor, is a load and a CAS of the \
        host's tag and a store of the value. This project's: the JFR probes of \
        `MissEvents.begin()`; a check that the interpreter is open and a slot claimable; on the \
        host's first claim its registration (%d B) and, for each claiming interpreter, a \
        reference appended to that interpreter's registration arrays (which grow by chunks and, \
        once they have doubled and a collection has run since the last time, are rebuilt \
        without collected hosts); a `Claim` (%d B) CASed into the \
        first empty slot from the interpreter's preferred one; then the value written and the \
        interpreter CASed in place of the claim. In the scale run a claim allocated %s B (1 \
        slot) and %s B (4 slots), the seed's %s B. The seed's claim with a weak registration of \
        its host and nothing else, the least a layout that keeps Release can do, took %s ns, %s \
        the seed's claim; with 4 slots, %s ns per interpreter, %s.""",
        costs.registrationBytes(), costs.claimObjectBytes(),
        data.claimBytes("generated1").format(1), data.claimBytes("generated4").format(1),
        data.claimBytes("seed").format(1), data.claimNanos("seedregistering").format(1),
        data.claimOverSeed("seedregistering"),
        data.claimNanos("seedregistering4").format(1),
        data.claimOverSeed("seedregistering4"));
  }

  String walk() {
    return """
        - **Registry walk.** The inline validated and the seed's hits load the host only: tag \
        and value are its fields. The generated hit loads the host, then its table, then the tag \
        and the value from the table. The host's constructor allocates the table right after the \
        host, so the two are next to each other in memory, but the table's address is known only \
        once the host's field is loaded: where the pair spans two cache lines, that is a second \
        miss, which waits for the first. The walk's loop inlines the accessor even though the \
        setup's claims warmed it up with misses: the runtime's claim is more bytecode than C2 \
        inlines, so the accessor compiles to its hit and a call, under the size above which C2 \
        inlines no compiled method (`AccessorInliningTest`). Until the commit that added that \
        test it did not, and each hit here paid a call: 6.8 ns at 10,000 hosts, where the \
        inline validated hit took 2.3 in the same run.""";
  }

  String hitAgainstSeed() {
    return """
        - **Hit against the seed.** The seed loads the tag (acquire) and the value from the \
        host. The generated hit loads the host's table field (acquire), tests it for null (a host \
        still in its constructor has none), then loads `tag0` (acquire) and `value0` from the \
        table: one more dependent load and one more test.""";
  }

  String fourthClaimer() {
    return """
        - **4th claimer.** Each interpreter's hit looks at one slot, the one at its \
        `hashCode()` modulo 4, chosen by a `switch`; the interpreters here were picked so that \
        each claimed the slot it prefers. The two hits differ in the case taken, not in the \
        number of loads.""";
  }

  String interpreterThread() {
    return """
        - **Getter form on interpreter threads.** The getter's hit there reads the thread's \
        answer: a type check of `Thread.currentThread()`, a load of the thread's field that holds \
        its answer and a load of the answer (which entering and closing a scope keep); the \
        explicit form takes the interpreter as an argument.""";
  }

  String getterInScope() {
    return """
        - **Getter form with an entered scope.** The getter's hit reads the thread's answer \
        (`ThreadState.answer()`, unchecked) through a `ThreadLocal`: the thread, its map, a probe \
        of the map's table, the entry's key and value, then the answer's field, before the \
        explicit form's loads. A `ThreadLocal.get()` alone costs more than the explicit hit \
        (`GraalPyCurrentBenchmark.threadLocalGet`). The 2.55x is the issue's measure of the code \
        before this design (b193d66), whose getter this run measures by hand beside it.""";
  }

  String compileTime() {
    return """
        - **Compile time.** javac parses, attributes and writes the generated sources: per \
        accessor, the override, a miss method and a nested class of slot tables. A 1-slot table \
        declares its values only (slot 0's tag is the runtime's); a table of more slots also \
        declares its other tags, their VarHandles and a static initializer that finds them, and \
        overrides the tag operations with a `switch`. The earlier processor's tables had final \
        fields, set by constructors: no VarHandle and no static initializer. Each turn runs every variant \
        once; the verdict counts every turn (met only if this processor was no slower in \
        each).""";
  }

  /** Said first when a target is missed: the conditions of this run, from its description. */
  String conditions() {
    Machine machine = data.machine();
    return String.format("""
        - **This run.** %d cores, a load average of %s when it started (the 1, 5 and 15 minute \
        averages). A verdict "not shown" means the limit lies within the error of this run: more \
        forks or a quieter machine could decide it either way.""",
        machine.cores(), machine.loadAverage());
  }
}

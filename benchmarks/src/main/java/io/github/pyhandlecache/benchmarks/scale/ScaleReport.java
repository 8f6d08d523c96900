package io.github.pyhandlecache.benchmarks.scale;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.github.pyhandlecache.benchmarks.hosts.FourSlotHost;
import io.github.pyhandlecache.benchmarks.hosts.OneSlotHost;
import io.github.pyhandlecache.benchmarks.hosts.PlainHost;
import io.github.pyhandlecache.benchmarks.hosts.PreviousFourSlotHost;
import io.github.pyhandlecache.benchmarks.hosts.PreviousOneSlotHost;
import io.github.pyhandlecache.benchmarks.hosts.PreviousProtocol;
import io.github.pyhandlecache.benchmarks.hosts.RegisteringSeedFourSlotHost;
import io.github.pyhandlecache.benchmarks.hosts.RegisteringSeedHost;
import io.github.pyhandlecache.benchmarks.hosts.SeedHost;
import io.github.pyhandlecache.benchmarks.hosts.TokenFourSlotHost;
import io.github.pyhandlecache.benchmarks.hosts.TokenOneSlotHost;
import io.github.pyhandlecache.benchmarks.hosts.TokenProtocol;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Hosts at the scale users have: for each variant, {@code hosts} fresh hosts (package {@code
 * hosts}), the heap each one takes once claimed, and the cost of a claim. Not JMH: a claim is
 * measured once per host, on a million hosts, as an application claims them, collector time
 * included. Run with a collector and heap that {@code benchmarks/run} chooses: it measures each
 * variant in {@value #FORKS} JVMs of its own, one after another, started with the same options.
 *
 * <p>Usage: {@code ScaleReport <hosts> <out.json>}; a fork, {@code ScaleReport <hosts> <out.json>
 * <variant>}, measures that variant only.
 *
 * <p><b>Heap per host</b>, {@value #HEAP_REPETITIONS} times, after the claim runs below (which
 * loaded and initialized every class a claim uses): create the claimants (interpreters, kept
 * alive), collect, read the heap used; create the hosts and have every claimant claim every one;
 * collect, read again. The difference over {@code hosts} counts the hosts, what their constructors
 * allocate, the claims' tables and registrations and the array that holds the hosts; the page
 * subtracts the baseline without a cache. "Collect" is {@link System#gc()} until the heap used
 * stops changing.
 *
 * <p><b>Claim</b>: long-lived claimants (as many as the variant has), then {@value #WARM_UP_RUNS}
 * warm-up runs and {@value #RUNS} measured runs of: collect, create fresh hosts (timed apart),
 * collect (so every run's claims start with the hosts in the old generation and the young one
 * empty), then each claimant in turn claims every host, in creation order. Wall time and the
 * thread's allocated bytes of those loops, per claim. The hosts of a run die with it, so the
 * registrations of earlier runs pile up in the claimants until the runtime purges them, as in an
 * application whose objects come and go.
 */
public final class ScaleReport {
  /**
   * JVMs per variant, one after another: a JVM's compiled code serves all its runs, so that their
   * spread leaves out how differently another JVM compiles the same loops (as JMH's forks do).
   */
  private static final int FORKS = 2;
  private static final int WARM_UP_RUNS = 2;
  private static final int RUNS = 3;
  private static final int HEAP_REPETITIONS = 3;
  private static final int MAX_COLLECTIONS = 10;

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Keeps the claims' results alive, so that no loop is dead code. */
  private static volatile long sink;

  private static String[] names;

  /** A claim loop: {@code claimant} claims every host of {@code hosts}; returns the hits found. */
  private interface ClaimPass {
    int claimEach(Object hosts, Object claimant);
  }

  /**
   * A host class and its claimants. Each lambda has its own loop, so that every call site in a
   * loop sees one class.
   */
  private record Variant(String key, String label, int slots, int claimants,
      Function<PyInterpreter, Object> claimantOf, IntFunction<Object> create, ClaimPass pass) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int hosts = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    if (args.length > 2) { // a fork: one variant, in this JVM
      names = new String[hosts];
      for (int i = 0; i < hosts; i++) {
        names[i] = "aten::op" + i;
      }
      Variant variant = variants().stream().filter(v -> v.key.equals(args[2])).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no variant " + args[2]));
      ScaleResult.Row row = measure(variant, hosts);
      System.out.printf("%-48s heap/host %s; claim ns %s; B/claim %s%n", variant.label,
          row.heapBytesPerHost(), row.runs().stream().map(ScaleResult.Run::claimNanos).toList(),
          row.runs().stream().map(ScaleResult.Run::claimBytes).toList());
      write(out, hosts, 1, List.of(row));
      return;
    }
    List<ScaleResult.Row> rows = new ArrayList<>();
    for (Variant variant : variants()) {
      List<ScaleResult.Row> forks = new ArrayList<>();
      for (int fork = 0; fork < FORKS; fork++) {
        forks.add(fork(hosts, variant.key, out.resolveSibling(out.getFileName() + ".fork")));
      }
      ScaleResult.Row first = forks.get(0);
      rows.add(new ScaleResult.Row(first.key(), first.label(), first.slots(), first.claimants(),
          forks.stream().flatMap(row -> row.heapBytesPerHost().stream()).toList(),
          first.warmUp(), forks.stream().flatMap(row -> row.runs().stream()).toList()));
    }
    write(out, hosts, FORKS, rows);
  }

  /** Measures the variant {@code key} in a JVM of its own, with this one's options. */
  private static ScaleResult.Row fork(int hosts, String key, Path out)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        ScaleReport.class.getName(), String.valueOf(hosts), out.toString(), key));
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("the JVM that measured " + key + " exited with " + exit);
    }
    ScaleResult result = new Gson().fromJson(Files.readString(out), ScaleResult.class);
    Files.delete(out);
    return result.rows().get(0);
  }

  private static void write(Path out, int hosts, int forks, List<ScaleResult.Row> rows)
      throws IOException {
    ScaleResult result = new ScaleResult(hosts, forks,
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName).toList(),
        rows);
    Files.writeString(out, new GsonBuilder().setPrettyPrinting()
        .serializeSpecialFloatingPointValues().create().toJson(result));
  }

  private static List<Variant> variants() {
    Function<PyInterpreter, Object> itself = interpreter -> interpreter;
    return List.of(
        new Variant("none", "no cache", 0, 0, itself,
            n -> {
              PlainHost[] hosts = new PlainHost[n];
              for (int i = 0; i < n; i++) {
                hosts[i] = new PlainHost(names[i]);
              }
              return hosts;
            },
            (hosts, claimant) -> 0),
        new Variant("seed", "seed's protocol by hand, 1 slot", 1, 1, itself,
            n -> {
              SeedHost[] hosts = new SeedHost[n];
              for (int i = 0; i < n; i++) {
                hosts[i] = new SeedHost(names[i]);
              }
              return hosts;
            },
            (hosts, claimant) -> {
              PyInterpreter interpreter = (PyInterpreter) claimant;
              int found = 0;
              for (SeedHost host : (SeedHost[]) hosts) {
                found += host.value(interpreter) != null ? 1 : 0;
              }
              return found;
            }),
        new Variant("seedregistering",
            "seed's protocol by hand, 1 slot, with the registration Release needs", 1, 1,
            TokenProtocol.Interpreter::new,
            n -> {
              RegisteringSeedHost[] hosts = new RegisteringSeedHost[n];
              for (int i = 0; i < n; i++) {
                hosts[i] = new RegisteringSeedHost(names[i]);
              }
              return hosts;
            },
            (hosts, claimant) -> {
              TokenProtocol.Interpreter interpreter = (TokenProtocol.Interpreter) claimant;
              int found = 0;
              for (RegisteringSeedHost host : (RegisteringSeedHost[]) hosts) {
                found += host.value(interpreter) != null ? 1 : 0;
              }
              return found;
            }),
        new Variant("seedregistering4",
            "seed's protocol by hand, 4 slots, 4 interpreters, with the registration Release needs",
            4, 4, TokenProtocol.Interpreter::new,
            n -> {
              RegisteringSeedFourSlotHost[] hosts = new RegisteringSeedFourSlotHost[n];
              for (int i = 0; i < n; i++) {
                hosts[i] = new RegisteringSeedFourSlotHost(names[i]);
              }
              return hosts;
            },
            (hosts, claimant) -> {
              TokenProtocol.Interpreter interpreter = (TokenProtocol.Interpreter) claimant;
              int found = 0;
              for (RegisteringSeedFourSlotHost host : (RegisteringSeedFourSlotHost[]) hosts) {
                found += host.value(interpreter) != null ? 1 : 0;
              }
              return found;
            }),
        new Variant("generated1", "@PyHandleCached, 1 slot", 1, 1, itself,
            n -> {
              OneSlotHost[] hosts = new OneSlotHost[n];
              for (int i = 0; i < n; i++) {
                hosts[i] = OneSlotHost.create(names[i]);
              }
              return hosts;
            },
            (hosts, claimant) -> {
              PyInterpreter interpreter = (PyInterpreter) claimant;
              int found = 0;
              for (OneSlotHost host : (OneSlotHost[]) hosts) {
                found += host.value(interpreter) != null ? 1 : 0;
              }
              return found;
            }),
        new Variant("generated4", "@PyHandleCached, 4 slots, 4 interpreters", 4, 4, itself,
            n -> {
              FourSlotHost[] hosts = new FourSlotHost[n];
              for (int i = 0; i < n; i++) {
                hosts[i] = FourSlotHost.create(names[i]);
              }
              return hosts;
            },
            (hosts, claimant) -> {
              PyInterpreter interpreter = (PyInterpreter) claimant;
              int found = 0;
              for (FourSlotHost host : (FourSlotHost[]) hosts) {
                found += host.value(interpreter) != null ? 1 : 0;
              }
              return found;
            }),
        new Variant("previous1", "previous protocol (b193d66) by hand, 1 slot", 1, 1,
            PreviousProtocol.Interpreter::new,
            n -> {
              PreviousOneSlotHost[] hosts = new PreviousOneSlotHost[n];
              for (int i = 0; i < n; i++) {
                hosts[i] = new PreviousOneSlotHost(names[i]);
              }
              return hosts;
            },
            (hosts, claimant) -> {
              PreviousProtocol.Interpreter interpreter = (PreviousProtocol.Interpreter) claimant;
              int found = 0;
              for (PreviousOneSlotHost host : (PreviousOneSlotHost[]) hosts) {
                found += host.value(interpreter) != null ? 1 : 0;
              }
              return found;
            }),
        new Variant("previous4", "previous protocol (b193d66) by hand, 4 slots, 4 interpreters",
            4, 4, PreviousProtocol.Interpreter::new,
            n -> {
              PreviousFourSlotHost[] hosts = new PreviousFourSlotHost[n];
              for (int i = 0; i < n; i++) {
                hosts[i] = new PreviousFourSlotHost(names[i]);
              }
              return hosts;
            },
            (hosts, claimant) -> {
              PreviousProtocol.Interpreter interpreter = (PreviousProtocol.Interpreter) claimant;
              int found = 0;
              for (PreviousFourSlotHost host : (PreviousFourSlotHost[]) hosts) {
                found += host.value(interpreter) != null ? 1 : 0;
              }
              return found;
            }),
        new Variant("token1", "candidate: inline slots with claim tokens (TokenProtocol), 1 slot",
            1, 1, TokenProtocol.Interpreter::new,
            n -> {
              TokenOneSlotHost[] hosts = new TokenOneSlotHost[n];
              for (int i = 0; i < n; i++) {
                hosts[i] = new TokenOneSlotHost(names[i]);
              }
              return hosts;
            },
            (hosts, claimant) -> {
              TokenProtocol.Interpreter interpreter = (TokenProtocol.Interpreter) claimant;
              int found = 0;
              for (TokenOneSlotHost host : (TokenOneSlotHost[]) hosts) {
                found += host.value(interpreter) != null ? 1 : 0;
              }
              return found;
            }),
        new Variant("token1bare",
            "candidate: inline slots with claim tokens (TokenProtocol), 1 slot, registering nothing",
            1, 1,
            interpreter -> new TokenProtocol.Interpreter(interpreter, false),
            n -> {
              TokenOneSlotHost[] hosts = new TokenOneSlotHost[n];
              for (int i = 0; i < n; i++) {
                hosts[i] = new TokenOneSlotHost(names[i]);
              }
              return hosts;
            },
            (hosts, claimant) -> {
              TokenProtocol.Interpreter interpreter = (TokenProtocol.Interpreter) claimant;
              int found = 0;
              for (TokenOneSlotHost host : (TokenOneSlotHost[]) hosts) {
                found += host.value(interpreter) != null ? 1 : 0;
              }
              return found;
            }),
        new Variant("token4",
            "candidate: inline slots with claim tokens (TokenProtocol), 4 slots, 4 interpreters",
            4, 4, TokenProtocol.Interpreter::new,
            n -> {
              TokenFourSlotHost[] hosts = new TokenFourSlotHost[n];
              for (int i = 0; i < n; i++) {
                hosts[i] = new TokenFourSlotHost(names[i]);
              }
              return hosts;
            },
            (hosts, claimant) -> {
              TokenProtocol.Interpreter interpreter = (TokenProtocol.Interpreter) claimant;
              int found = 0;
              for (TokenFourSlotHost host : (TokenFourSlotHost[]) hosts) {
                found += host.value(interpreter) != null ? 1 : 0;
              }
              return found;
            }));
  }

  private static ScaleResult.Row measure(Variant variant, int hosts) {
    Object[] claimants = claimants(variant); // long-lived: every run's claims register with them
    ScaleResult.Run warmUp = null;
    for (int run = 0; run < WARM_UP_RUNS; run++) { // one left the seed's first measured run slower
      warmUp = timedRun(variant, hosts, claimants);
    }
    List<ScaleResult.Run> runs = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      runs.add(timedRun(variant, hosts, claimants));
    }
    Reference.reachabilityFence(claimants);
    // After the runs, which loaded and initialized every class the claims use: the heap counts
    // the hosts and their cache, not one-time state.
    List<Double> heap = new ArrayList<>();
    for (int repetition = 0; repetition < HEAP_REPETITIONS; repetition++) {
      heap.add(heapPerHost(variant, hosts));
    }
    return new ScaleResult.Row(variant.key, variant.label, variant.slots, variant.claimants, heap,
        warmUp, runs);
  }

  private static double heapPerHost(Variant variant, int count) {
    Object[] claimants = claimants(variant);
    long before = usedAfterCollection();
    Object hosts = variant.create.apply(count);
    claimAll(variant, hosts, claimants);
    long after = usedAfterCollection();
    Reference.reachabilityFence(hosts);
    Reference.reachabilityFence(claimants);
    return (double) (after - before) / count;
  }

  private static ScaleResult.Run timedRun(Variant variant, int count, Object[] claimants) {
    System.gc(); // not the garbage of the run before: construction starts with the young gen empty
    long allocated = THREADS.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    Object hosts = variant.create.apply(count);
    double constructNanos = (double) (System.nanoTime() - start) / count;
    double constructBytes =
        (double) (THREADS.getCurrentThreadAllocatedBytes() - allocated) / count;

    System.gc(); // the hosts to the old generation, the young one empty: every run starts alike
    long collections = collections();
    long collectionMillis = collectionMillis();
    allocated = THREADS.getCurrentThreadAllocatedBytes();
    start = System.nanoTime();
    claimAll(variant, hosts, claimants);
    long elapsed = System.nanoTime() - start;
    long claimAllocated = THREADS.getCurrentThreadAllocatedBytes() - allocated;
    long claimCollections = collections() - collections;
    long claimCollectionMillis = collectionMillis() - collectionMillis;
    Reference.reachabilityFence(hosts);

    double claims = (double) count * claimants.length;
    return new ScaleResult.Run(constructNanos, constructBytes,
        claims == 0 ? Double.NaN : elapsed / claims,
        claims == 0 ? Double.NaN : claimAllocated / claims,
        claimCollections, claimCollectionMillis);
  }

  private static void claimAll(Variant variant, Object hosts, Object[] claimants) {
    long found = 0;
    for (Object claimant : claimants) {
      found += variant.pass.claimEach(hosts, claimant);
    }
    sink += found;
  }

  /** Fresh claimants; interpreters created one after another prefer different slots. */
  private static Object[] claimants(Variant variant) {
    Object[] claimants = new Object[variant.claimants];
    for (int i = 0; i < claimants.length; i++) {
      claimants[i] = variant.claimantOf.apply(PyInterpreter.create("scale-" + i));
    }
    return claimants;
  }

  /** The heap used after {@link System#gc()}, repeated until it stops changing. */
  private static long usedAfterCollection() {
    System.gc();
    long used = MEMORY.getHeapMemoryUsage().getUsed();
    for (int i = 1; i < MAX_COLLECTIONS; i++) {
      System.gc();
      long now = MEMORY.getHeapMemoryUsage().getUsed();
      if (now == used) {
        break;
      }
      used = now;
    }
    return used;
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private static long collectionMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }
}

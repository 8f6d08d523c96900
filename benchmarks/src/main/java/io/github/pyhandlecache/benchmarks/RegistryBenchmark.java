package io.github.pyhandlecache.benchmarks;

import io.github.pyhandlecache.benchmarks.hosts.FieldHost;
import io.github.pyhandlecache.benchmarks.hosts.InlineValidatedHost;
import io.github.pyhandlecache.benchmarks.hosts.OneSlotHost;
import io.github.pyhandlecache.benchmarks.hosts.PreviousOneSlotHost;
import io.github.pyhandlecache.benchmarks.hosts.PreviousProtocol;
import io.github.pyhandlecache.benchmarks.hosts.SeedHost;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A registry walk: hits on {@link #hosts} host objects ({@code hosts/}, one shape, one 1-slot
 * cache each) in a random order, as a dispatcher looks operators up, so that most hosts are not in
 * the CPU's caches and every dependent load a hit needs shows. The hosts are created in one order
 * (their index), their caches claimed in a second, random order and hit in a third, random too: a
 * cache that allocates at claim time (the previous protocol) puts its table far from its host; one
 * that allocates in the constructor (this project's) puts it next to its host. Each invocation hits
 * {@value #BATCH} hosts from a cursor that moves on through the third order.
 *
 * <p>Each fork builds the hosts of its benchmark only, on a heap large enough that building them
 * triggers no collection (a collection copies objects, in an order of its own, and could put
 * tables back next to their hosts): the setup checks that none ran, and {@code -prof gc} counts
 * those of the measurement. G1, the JDK's default collector, is named so that the results show
 * it; its young generation is fixed at 3 GB of a 4 GB heap, many times what building a million
 * hosts allocates (a few hundred MB at most).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-XX:+UseG1GC", "-Xms4g", "-Xmx4g", "-Xmn3g"})
@State(Scope.Thread)
public class RegistryBenchmark {
  static final int BATCH = 10_000;
  private static final long SEED = 42;

  @Param({"10000", "1000000"})
  public int hosts;

  private PyInterpreter interpreter;
  private int[] lookupOrder;
  private int cursor;

  private FieldHost[] field;
  private SeedHost[] seed;
  private InlineValidatedHost[] inlineValidated;
  private PreviousOneSlotHost[] previous;
  private PreviousProtocol.Interpreter previousInterpreter;
  private OneSlotHost[] generated;

  @Setup(Level.Trial)
  public void fill(BenchmarkParams params) {
    long collections = collections();
    Random random = new Random(SEED);
    String[] names = new String[hosts];
    for (int i = 0; i < hosts; i++) {
      names[i] = "aten::op" + i;
    }
    int[] claimOrder = shuffled(random);
    lookupOrder = shuffled(random);
    interpreter = PyInterpreter.create("main");
    String benchmark = params.getBenchmark();
    switch (benchmark.substring(benchmark.lastIndexOf('.') + 1)) {
      case "registryFinalField" -> {
        field = new FieldHost[hosts];
        for (int i = 0; i < hosts; i++) {
          field[i] = new FieldHost(names[i]);
        }
      }
      case "registrySeedProtocol" -> {
        seed = new SeedHost[hosts];
        for (int i = 0; i < hosts; i++) {
          seed[i] = new SeedHost(names[i]);
        }
        for (int i : claimOrder) {
          check(seed[i].value(interpreter) == seed[i].value(interpreter));
        }
      }
      case "registryInlineValidated" -> {
        inlineValidated = new InlineValidatedHost[hosts];
        for (int i = 0; i < hosts; i++) {
          inlineValidated[i] = new InlineValidatedHost(names[i]);
        }
        for (int i : claimOrder) {
          check(inlineValidated[i].value(interpreter) == inlineValidated[i].value(interpreter));
        }
      }
      case "registryPreviousProtocol" -> {
        previousInterpreter = new PreviousProtocol.Interpreter(interpreter);
        previous = new PreviousOneSlotHost[hosts];
        for (int i = 0; i < hosts; i++) {
          previous[i] = new PreviousOneSlotHost(names[i]);
        }
        for (int i : claimOrder) {
          check(previous[i].value(previousInterpreter) == previous[i].value(previousInterpreter));
        }
      }
      case "registryGenerated" -> {
        generated = new OneSlotHost[hosts];
        for (int i = 0; i < hosts; i++) {
          generated[i] = OneSlotHost.create(names[i]);
        }
        for (int i : claimOrder) {
          check(generated[i].value(interpreter) == generated[i].value(interpreter));
        }
      }
      default -> throw new IllegalStateException("no hosts for " + benchmark);
    }
    if (collections() != collections) {
      throw new IllegalStateException("a collection ran while the hosts were built, and may have"
          + " moved them: give the fork a larger heap (-jvmArgsAppend)");
    }
  }

  private int[] shuffled(Random random) {
    int[] order = new int[hosts];
    for (int i = 0; i < hosts; i++) {
      order[i] = i;
    }
    for (int i = hosts - 1; i > 0; i--) { // Fisher-Yates
      int j = random.nextInt(i + 1);
      int swapped = order[i];
      order[i] = order[j];
      order[j] = swapped;
    }
    return order;
  }

  private static void check(boolean cached) {
    if (!cached) {
      throw new IllegalStateException("not cached");
    }
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void registryFinalField(Blackhole blackhole) {
    FieldHost[] hosts = field;
    int[] order = lookupOrder;
    int next = cursor;
    for (int k = 0; k < BATCH; k++) {
      blackhole.consume(hosts[order[next]].value());
      next = next + 1 == order.length ? 0 : next + 1;
    }
    cursor = next;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void registrySeedProtocol(Blackhole blackhole) {
    SeedHost[] hosts = seed;
    PyInterpreter interpreter = this.interpreter;
    int[] order = lookupOrder;
    int next = cursor;
    for (int k = 0; k < BATCH; k++) {
      blackhole.consume(hosts[order[next]].value(interpreter));
      next = next + 1 == order.length ? 0 : next + 1;
    }
    cursor = next;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void registryInlineValidated(Blackhole blackhole) {
    InlineValidatedHost[] hosts = inlineValidated;
    PyInterpreter interpreter = this.interpreter;
    int[] order = lookupOrder;
    int next = cursor;
    for (int k = 0; k < BATCH; k++) {
      blackhole.consume(hosts[order[next]].value(interpreter));
      next = next + 1 == order.length ? 0 : next + 1;
    }
    cursor = next;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void registryPreviousProtocol(Blackhole blackhole) {
    PreviousOneSlotHost[] hosts = previous;
    PreviousProtocol.Interpreter interpreter = previousInterpreter;
    int[] order = lookupOrder;
    int next = cursor;
    for (int k = 0; k < BATCH; k++) {
      blackhole.consume(hosts[order[next]].value(interpreter));
      next = next + 1 == order.length ? 0 : next + 1;
    }
    cursor = next;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void registryGenerated(Blackhole blackhole) {
    OneSlotHost[] hosts = generated;
    PyInterpreter interpreter = this.interpreter;
    int[] order = lookupOrder;
    int next = cursor;
    for (int k = 0; k < BATCH; k++) {
      blackhole.consume(hosts[order[next]].value(interpreter));
      next = next + 1 == order.length ? 0 : next + 1;
    }
    cursor = next;
  }
}

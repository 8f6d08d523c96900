package io.github.pyhandlecache.benchmarks.footprint;

import com.google.gson.GsonBuilder;
import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.internal.Claim;
import io.github.pyhandlecache.runtime.internal.SlotTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Measures with JOL what each cache adds to a host object ({@link Entries}), and with the thread's
 * allocation counter what a claim and a release allocate; writes them as JSON for the benchmark
 * page. Usage: {@code FootprintReport <out.json>}.
 *
 * <p>This project's layout: the host has one field per accessor, holding a slot table that its
 * constructor allocates; the first claim of a host makes its registration (a weak reference, kept
 * by the table), which every claiming interpreter appends to its array of registrations (one
 * reference each). A claim's pending tag, a {@code Claim}, is garbage once the claim completes.
 */
public final class FootprintReport {
  private static final String NAME = "aten::add";
  private static final int CLAIMS = 10_000;
  private static final int ROUNDS = 40;

  private final List<FootprintRow> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    PyInterpreter interpreter = PyInterpreter.create("main");
    List<FootprintRow> rows;
    try (PyInterpreter.Scope entered = interpreter.enter()) {
      rows = new FootprintReport().measure(interpreter);
    }
    rows.forEach(System.out::println);
    ClaimCosts claim = claimCosts();
    System.out.println(claim);
    Files.writeString(Path.of(args[0]),
        new GsonBuilder().setPrettyPrinting().create().toJson(new Footprint(rows, claim)));
  }

  private List<FootprintRow> measure(PyInterpreter interpreter) {
    int reference = (int) VM.current().sizeOfField("oop");

    add("@PyHandleCached, 1 slot", "reference", 1, "unclaimed", 0, reference,
        Entries.OneSlot.class, new PyHandleCached_Entries_OneSlot(NAME));

    Entries.OneSlot oneSlot = new PyHandleCached_Entries_OneSlot(NAME);
    oneSlot.pyObject(interpreter);
    add("@PyHandleCached, 1 slot", "reference", 1, "claimed by 1", 1, reference,
        Entries.OneSlot.class, oneSlot);

    Entries.FourSlots fourSlots = new PyHandleCached_Entries_FourSlots(NAME);
    Entries.IntFourSlots intFourSlots = new PyHandleCached_Entries_IntFourSlots(NAME);
    for (int slot = 0; slot < 4; slot++) {
      PyInterpreter owner = PyInterpreter.create("owner-" + slot);
      fourSlots.pyObject(owner);
      intFourSlots.pyId(owner);
    }
    add("@PyHandleCached, 4 slots", "reference", 4, "claimed by 4", 4, reference,
        Entries.FourSlots.class, fourSlots);

    Entries.IntSlot intSlot = new PyHandleCached_Entries_IntSlot(NAME);
    intSlot.pyId(interpreter);
    add("@PyHandleCached, 1 slot", "int", 1, "claimed by 1", 1, Integer.BYTES,
        Entries.IntSlot.class, intSlot);
    add("@PyHandleCached, 4 slots", "int", 4, "claimed by 4", 4, Integer.BYTES,
        Entries.IntFourSlots.class, intFourSlots);

    Entries.LongSlot longSlot = new PyHandleCached_Entries_LongSlot(NAME);
    longSlot.pyId(interpreter);
    add("@PyHandleCached, 1 slot", "long", 1, "claimed by 1", 1, Long.BYTES,
        Entries.LongSlot.class, longSlot);

    Entries.AutoValueEntry autoValue = new AutoValue_Entries_AutoValueEntry(NAME);
    add("AutoValue @Memoized", "reference", 0, autoValue.getClass().getSuperclass(), autoValue,
        autoValue.pyObject());

    Entries.AutoValueLongEntry autoValueLong = new AutoValue_Entries_AutoValueLongEntry(NAME);
    autoValueLong.pyId();
    add("AutoValue @Memoized", "long", 0, autoValueLong.getClass().getSuperclass(),
        autoValueLong);

    Entries.ImmutablesEntry immutables = ImmutableImmutablesEntry.of(NAME);
    add("Immutables @Value.Lazy", "reference", 0, Entries.Plain.class, immutables,
        immutables.pyObject());

    Entries.LombokEntry lombok = new Entries.LombokEntry(NAME);
    add("Lombok @Getter(lazy = true)", "reference", 0, Entries.Plain.class, lombok,
        lombok.getPyObject());

    Entries.LombokLongEntry lombokLong = new Entries.LombokLongEntry(NAME);
    lombokLong.getPyId();
    add("Lombok @Getter(lazy = true)", "long", 0, Entries.Plain.class, lombokLong);

    // An interpreter that claimed nothing: JOL would walk from a claimant's registrations to the
    // hosts it claimed, which the collector may clear between the two walks of add().
    PyInterpreter mapKey = PyInterpreter.create("map key");
    Entries.MapEntry map = new Entries.MapEntry(NAME);
    add("per-object ConcurrentHashMap, 1 entry", "reference", 1, Entries.Plain.class, map,
        mapKey, map.pyObject(mapKey));
    return rows;
  }

  /**
   * Adds the row of one of this project's accessors: {@code host} against {@code baseline}, the
   * annotated class, after {@code claimants} interpreters claimed a slot of it; {@code valueBytes}
   * is the width of the accessor's value.
   */
  private void add(String cache, String value, int slots, String state, int claimants,
      int valueBytes, Class<?> baseline, Object host) {
    SlotTable table = tableOf(host);
    long tableBytes = ClassLayout.parseClass(table.getClass()).instanceSize();
    Object registration = registrationOf(table);
    long registrationBytes =
        registration == null ? 0 : ClassLayout.parseClass(registration.getClass()).instanceSize();
    long entryBytes = claimants * VM.current().sizeOfField("oop");
    long instanceBytes = ClassLayout.parseClass(host.getClass()).instanceSize()
        - ClassLayout.parseClass(baseline).instanceSize();
    // Not GraphLayout: from the table, JOL walks to the interpreters, their registrations and,
    // through their weak referents, to every host they claimed.
    rows.add(new FootprintRow(cache, value, slots, state,
        fieldBytes(ClassLayout.parseClass(host.getClass()))
            - fieldBytes(ClassLayout.parseClass(baseline)),
        instanceBytes, tableBytes, registrationBytes, entryBytes,
        instanceBytes + tableBytes + registrationBytes + entryBytes));
  }

  /**
   * Adds the row of another cache: {@code host}, filled, against {@code baseline}, a class with the
   * same fields but no cache; {@code shared} are the objects it refers to but does not own
   * (interpreters, cached values), left out of the retained size. Every host shares {@link #NAME}.
   */
  private void add(String cache, String value, int slots, Class<?> baseline, Object host,
      Object... shared) {
    ClassLayout hostLayout = ClassLayout.parseClass(host.getClass());
    ClassLayout baselineLayout = ClassLayout.parseClass(baseline);
    Object[] notOwned = Stream.concat(Stream.of(NAME), Arrays.stream(shared)).toArray();
    Object[] all = Stream.concat(Stream.of(host), Arrays.stream(notOwned)).toArray();
    long retained = GraphLayout.parseInstance(all).totalSize()
        - GraphLayout.parseInstance(notOwned).totalSize()
        - baselineLayout.instanceSize();
    rows.add(new FootprintRow(cache, value, slots, "filled",
        fieldBytes(hostLayout) - fieldBytes(baselineLayout),
        hostLayout.instanceSize() - baselineLayout.instanceSize(), 0, 0, 0, retained));
  }

  /** Returns the slot table of a generated host's one accessor. */
  private static SlotTable tableOf(Object host) {
    for (Field field : host.getClass().getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())
          && SlotTable.class.isAssignableFrom(field.getType())) {
        return (SlotTable) read(field, host);
      }
    }
    throw new IllegalArgumentException("no slot table in " + host.getClass());
  }

  /** Returns the registration a table carries, made by the host's first claim, or null. */
  private static Object registrationOf(SlotTable table) {
    try {
      return read(SlotTable.class.getDeclaredField("registration"), table);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("the runtime's SlotTable has no registration field", e);
    }
  }

  private static Object read(Field field, Object object) {
    try {
      field.setAccessible(true); // the runtime and the generated classes are in no named module
      return field.get(object);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long fieldBytes(ClassLayout layout) {
    return layout.fields().stream().mapToLong(FieldLayout::size).sum();
  }

  /**
   * Measures what a claim of a 1-slot accessor allocates, and what close() allocates per released
   * slot: {@value #CLAIMS} first claims by a fresh interpreter, then its close, against as many
   * direct calls of the slow accessor. The best of the last half of {@value #ROUNDS} rounds (the
   * counter is exact; the first rounds only take one-time work such as class loading and C2's).
   */
  private static ClaimCosts claimCosts() throws ClassNotFoundException {
    long registration = ClassLayout.parseClass(Class.forName(
        "io.github.pyhandlecache.runtime.internal.Registrations$HostRef")).instanceSize();
    long claim = ClassLayout.parseClass(Claim.class).instanceSize();
    long table = ClassLayout.parseClass(
        tableOf(new PyHandleCached_Entries_OneSlot(NAME)).getClass()).instanceSize();

    double perClaim = Double.MAX_VALUE;
    double perReleasedSlot = Double.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      Entries.OneSlot[] uncached = hosts(Entries.OneSlot::new);
      Entries.OneSlot[] cached = hosts(PyHandleCached_Entries_OneSlot::new);
      PyInterpreter interpreter = PyInterpreter.create("claims-" + round);
      long slowAccessor = allocatedBy(() -> callEach(uncached, interpreter));
      long claims = allocatedBy(() -> callEach(cached, interpreter));
      long close = allocatedBy(interpreter::close);
      if (round >= ROUNDS / 2) {
        perClaim = Math.min(perClaim, (double) (claims - slowAccessor) / CLAIMS);
        perReleasedSlot = Math.min(perReleasedSlot, (double) close / CLAIMS);
      }
    }
    return new ClaimCosts(registration, VM.current().sizeOfField("oop"), claim, table, CLAIMS,
        perClaim, perReleasedSlot);
  }

  private static void callEach(Entries.OneSlot[] hosts, PyInterpreter interpreter) {
    for (Entries.OneSlot host : hosts) {
      host.pyObject(interpreter);
    }
  }

  private static Entries.OneSlot[] hosts(Function<String, Entries.OneSlot> create) {
    Entries.OneSlot[] hosts = new Entries.OneSlot[CLAIMS];
    for (int i = 0; i < CLAIMS; i++) {
      hosts[i] = create.apply(NAME);
    }
    return hosts;
  }

  private static long allocatedBy(Runnable work) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    work.run();
    return threads.getThreadAllocatedBytes(thread) - before;
  }
}

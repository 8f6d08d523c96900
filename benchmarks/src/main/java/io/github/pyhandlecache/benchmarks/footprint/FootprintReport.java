package io.github.pyhandlecache.benchmarks.footprint;

import com.google.gson.GsonBuilder;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures with JOL what each cache adds to a host object ({@link Entries}), and writes the rows as
 * JSON for the benchmark page. Usage: {@code FootprintReport <out.json>}.
 */
public final class FootprintReport {
  private static final String NAME = "aten::add";

  private final List<FootprintRow> rows = new ArrayList<>();

  public static void main(String[] args) throws IOException {
    PyInterpreter interpreter = PyInterpreter.create("main");
    List<FootprintRow> rows;
    try (PyInterpreter.Scope entered = interpreter.enter()) {
      rows = new FootprintReport().measure(interpreter);
    }
    rows.forEach(System.out::println);
    Files.writeString(
        Path.of(args[0]), new GsonBuilder().setPrettyPrinting().create().toJson(rows));
  }

  private List<FootprintRow> measure(PyInterpreter interpreter) {
    Entries.OneSlot oneSlot = new PyHandleCached_Entries_OneSlot(NAME);
    add("@PyHandleCached, 1 slot", "reference", 1, Entries.OneSlot.class, oneSlot,
        interpreter, oneSlot.pyObject(interpreter));

    Entries.FourSlots fourSlots = new PyHandleCached_Entries_FourSlots(NAME);
    List<Object> owners = new ArrayList<>();
    for (int slot = 0; slot < 4; slot++) {
      PyInterpreter owner = PyInterpreter.create("owner-" + slot);
      owners.add(owner);
      owners.add(fourSlots.pyObject(owner));
    }
    add("@PyHandleCached, 4 slots", "reference", 4, Entries.FourSlots.class, fourSlots,
        owners.toArray());

    Entries.LongSlot longSlot = new PyHandleCached_Entries_LongSlot(NAME);
    longSlot.pyId(interpreter);
    add("@PyHandleCached, 1 slot", "long", 1, Entries.LongSlot.class, longSlot, interpreter);

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

    Entries.MapEntry map = new Entries.MapEntry(NAME);
    add("per-object ConcurrentHashMap, 1 entry", "reference", 1, Entries.Plain.class, map,
        interpreter, map.pyObject(interpreter));
    return rows;
  }

  /**
   * Adds the row of {@code cached}, a filled host object, against {@code baseline}, a class with
   * the same fields but no cache; {@code shared} are the objects it refers to but does not own
   * (interpreters, cached values), left out of the retained size. Every host shares {@link #NAME}.
   */
  private void add(String cache, String value, int slots, Class<?> baseline, Object cached,
      Object... shared) {
    ClassLayout cachedLayout = ClassLayout.parseClass(cached.getClass());
    ClassLayout baselineLayout = ClassLayout.parseClass(baseline);
    Object[] notOwned = Stream.concat(Stream.of(NAME), Arrays.stream(shared)).toArray();
    Object[] all = Stream.concat(Stream.of(cached), Arrays.stream(notOwned)).toArray();
    long retained = GraphLayout.parseInstance(all).totalSize()
        - GraphLayout.parseInstance(notOwned).totalSize()
        - baselineLayout.instanceSize();
    rows.add(new FootprintRow(cache, value, slots,
        fieldBytes(cachedLayout) - fieldBytes(baselineLayout),
        cachedLayout.instanceSize() - baselineLayout.instanceSize(),
        retained));
  }

  private static long fieldBytes(ClassLayout layout) {
    return layout.fields().stream().mapToLong(FieldLayout::size).sum();
  }
}

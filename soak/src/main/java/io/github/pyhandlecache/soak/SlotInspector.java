package io.github.pyhandlecache.soak;

import io.github.pyhandlecache.runtime.PyHandleCache;
import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.internal.Registrations;
import io.github.pyhandlecache.runtime.internal.SlotTable;
import java.lang.ref.Reference;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Looks inside the runtime by reflection, from outside: a host's slot tables (their {@code
 * toString()} prints their tags; their fields hold the values) and an interpreter's registrations
 * (chunks of references, in plain or atomic fields and arrays).
 */
final class SlotInspector {
  private static final List<Field> GENERATED_TABLES = new ArrayList<>();
  private static final Field CACHE_TABLE = accessible(PyHandleCache.class, "table");
  private static final Field REGISTRATIONS = accessible(PyInterpreter.class, "registrations");
  private static final Field HEAD = accessible(Registrations.class, "head");
  private static final Field NEXT = accessible(nested(Registrations.class, "Chunk"), "next");
  private static final Field REFS = accessible(nested(Registrations.class, "Chunk"), "refs");
  private static final Field FREE = accessible(nested(Registrations.class, "Chunk"), "free");
  /** The instance fields of a table class, where its tags and values are. */
  private static final ClassValue<List<Field>> TABLE_FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> table) {
      List<Field> fields = new ArrayList<>();
      for (Field field : table.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          fields.add(field);
        }
      }
      return fields;
    }
  };

  static {
    for (Field field : PyHandleCached_Host.class.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())
          && SlotTable.class.isAssignableFrom(field.getType())) {
        field.setAccessible(true);
        GENERATED_TABLES.add(field);
      }
    }
    if (GENERATED_TABLES.size() != 4) {
      throw new ExceptionInInitializerError(
          "expected the 4 slot tables of PyHandleCached_Host, found " + GENERATED_TABLES);
    }
  }

  private SlotInspector() {}

  /**
   * What an interpreter's registrations hold: their count, below each chunk's first free slot, then
   * how many of them are of collected hosts, and how many distinct registrations of live hosts
   * there are among the others (a host's registration is added again on each claim).
   */
  record Registered(int size, Set<Object> ofCollected, int ofLive, int distinctOfLive) {
    /** How many of {@code earlier}'s registrations of collected hosts are still held. */
    int stillHeld(Registered earlier) {
      int held = 0;
      for (Object ref : earlier.ofCollected) {
        held += ofCollected.contains(ref) ? 1 : 0;
      }
      return held;
    }

    @Override
    public String toString() {
      return String.format("%,d (%,d of collected hosts; %,d of live ones, %,d distinct)",
          size, ofCollected.size(), ofLive, distinctOfLive);
    }
  }

  /** Counts {@code interpreter}'s registrations, walking them as a racing reader. */
  static Registered registered(PyInterpreter interpreter) {
    Registrations registrations = (Registrations) read(REGISTRATIONS, interpreter);
    Set<Object> ofCollected = Collections.newSetFromMap(new IdentityHashMap<>());
    int ofLive = 0;
    Set<Object> live = Collections.newSetFromMap(new IdentityHashMap<>());
    int size = 0;
    for (Object chunk = plain(read(HEAD, registrations)); chunk != null;
        chunk = plain(read(NEXT, chunk))) {
      size += (int) read(FREE, chunk);
      for (Object ref : elements(read(REFS, chunk))) {
        if (ref != null && ((Reference<?>) ref).get() == null) {
          ofCollected.add(ref);
        } else if (ref != null) {
          ofLive++;
          live.add(ref);
        }
      }
    }
    return new Registered(size, ofCollected, ofLive, live.size());
  }

  /**
   * Returns what of a closed interpreter any slot of {@code host} holds, its tag (a pending claim
   * included) or a value computed for it, described; null if none does.
   */
  static String closedLeftIn(Host host) {
    for (Object table : tables(host)) {
      String tags = table.toString();
      if (tags.contains(", closed]")) { // PyInterpreter.toString() of a closed interpreter
        return "the tags " + tags;
      }
      for (Field field : TABLE_FIELDS.get(table.getClass())) {
        Value value = closedValue(read(field, table));
        if (value != null) {
          return value + " in the table " + tags;
        }
      }
    }
    return null;
  }

  /** The tables of {@code host}'s six accessors. */
  private static List<Object> tables(Host host) {
    List<Object> tables = new ArrayList<>();
    for (Field field : GENERATED_TABLES) {
      tables.add(read(field, host));
    }
    tables.add(read(CACHE_TABLE, host.cache1));
    tables.add(read(CACHE_TABLE, host.cache4));
    return tables;
  }

  /** {@code held}, or an element of it if it is an array, that is a closed interpreter's value. */
  private static Value closedValue(Object held) {
    if (held instanceof Value && ((Value) held).interpreter != null
        && ((Value) held).interpreter.isClosed()) {
      return (Value) held;
    } else if (held instanceof Object[]) {
      for (int i = 0; i < Array.getLength(held); i++) {
        Value value = closedValue(Array.get(held, i));
        if (value != null) {
          return value;
        }
      }
    }
    return null;
  }

  /** A field's value, also when it is held in an AtomicReference. */
  private static Object plain(Object held) {
    return held instanceof AtomicReference ? ((AtomicReference<?>) held).get() : held;
  }

  /** The elements of an array, or of an AtomicReferenceArray. */
  private static Object[] elements(Object array) {
    if (array instanceof AtomicReferenceArray) {
      AtomicReferenceArray<?> atomic = (AtomicReferenceArray<?>) array;
      Object[] elements = new Object[atomic.length()];
      for (int i = 0; i < elements.length; i++) {
        elements[i] = atomic.get(i);
      }
      return elements;
    }
    return (Object[]) array;
  }

  private static Object read(Field field, Object from) {
    try {
      return field.get(from);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> nested(Class<?> type, String simpleName) {
    for (Class<?> nested : type.getDeclaredClasses()) {
      if (nested.getSimpleName().equals(simpleName)) {
        return nested;
      }
    }
    throw new ExceptionInInitializerError("no class " + simpleName + " in " + type.getName());
  }

  private static Field accessible(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}

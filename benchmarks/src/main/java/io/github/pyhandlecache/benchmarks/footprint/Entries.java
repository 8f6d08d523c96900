package io.github.pyhandlecache.benchmarks.footprint;

import com.google.auto.value.AutoValue;
import com.google.auto.value.extension.memoized.Memoized;
import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.ConcurrentHashMap;
import lombok.Getter;
import org.immutables.value.Value;

/**
 * Host objects that each cache one value and hold nothing else but a name, so that what a cache adds
 * to an instance is all that differs between them and {@link Plain}.
 */
final class Entries {
  private Entries() {}

  /** The baseline: a host object with no cache. */
  static final class Plain {
    final String name;

    Plain(String name) {
      this.name = name;
    }
  }

  static class OneSlot {
    final String name;

    OneSlot(String name) {
      this.name = name;
    }

    @PyHandleCached
    Object pyObject(PyInterpreter interpreter) {
      return new Object();
    }
  }

  static class FourSlots {
    final String name;

    FourSlots(String name) {
      this.name = name;
    }

    @PyHandleCached(slots = 4)
    Object pyObject(PyInterpreter interpreter) {
      return new Object();
    }
  }

  static class IntSlot {
    final String name;

    IntSlot(String name) {
      this.name = name;
    }

    @PyHandleCached
    int pyId(PyInterpreter interpreter) {
      return System.identityHashCode(interpreter);
    }
  }

  static class IntFourSlots {
    final String name;

    IntFourSlots(String name) {
      this.name = name;
    }

    @PyHandleCached(slots = 4)
    int pyId(PyInterpreter interpreter) {
      return System.identityHashCode(interpreter);
    }
  }

  static class LongSlot {
    final String name;

    LongSlot(String name) {
      this.name = name;
    }

    @PyHandleCached
    long pyId(PyInterpreter interpreter) {
      return System.identityHashCode(interpreter);
    }
  }

  @AutoValue
  abstract static class AutoValueEntry {
    abstract String name();

    @Memoized
    Object pyObject() {
      return new Object();
    }
  }

  @AutoValue
  abstract static class AutoValueLongEntry {
    abstract String name();

    @Memoized
    long pyId() {
      return System.identityHashCode(PyInterpreter.current());
    }
  }

  @Value.Immutable
  abstract static class ImmutablesEntry {
    @Value.Parameter
    abstract String name();

    @Value.Lazy
    Object pyObject() {
      return new Object();
    }
  }

  static final class LombokEntry {
    final String name;

    @Getter(lazy = true)
    private final Object pyObject = new Object();

    LombokEntry(String name) {
      this.name = name;
    }
  }

  static final class LombokLongEntry {
    final String name;

    @Getter(lazy = true)
    private final long pyId = System.identityHashCode(PyInterpreter.current());

    LombokLongEntry(String name) {
      this.name = name;
    }
  }

  static final class MapEntry {
    final String name;
    final ConcurrentHashMap<PyInterpreter, Object> pyObjects = new ConcurrentHashMap<>();

    MapEntry(String name) {
      this.name = name;
    }

    Object pyObject(PyInterpreter interpreter) {
      return pyObjects.computeIfAbsent(interpreter, owner -> new Object());
    }
  }
}

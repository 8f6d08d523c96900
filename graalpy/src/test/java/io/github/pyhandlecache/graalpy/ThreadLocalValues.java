package io.github.pyhandlecache.graalpy;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a thread holds in its thread-locals, read reflectively (the tests' JVM opens {@code
 * java.lang} for it): what a pooled thread would keep reachable after a redeployment.
 */
final class ThreadLocalValues {
  private static final String PROJECT_PACKAGE = "io.github.pyhandlecache.";

  private ThreadLocalValues() {}

  /**
   * Returns the classes of the objects of this project that the calling thread's thread-locals hold,
   * as values or in arrays and atomic references that are values (stale entries included), at the
   * time of the call. Empty where only null and JDK types, such as an emptied {@code Object[]}, stay.
   */
  static List<String> projectObjectsOfCurrentThread() throws ReflectiveOperationException {
    List<String> found = new ArrayList<>();
    Object map = read(Thread.class, "threadLocals", Thread.currentThread());
    if (map != null) {
      for (Object entry : (Object[]) read(map.getClass(), "table", map)) {
        if (entry != null) {
          collectProjectObjects(read(entry.getClass(), "value", entry), found);
        }
      }
    }
    return found;
  }

  private static void collectProjectObjects(Object value, List<String> found) {
    if (value instanceof Object[]) {
      for (Object element : (Object[]) value) {
        collectProjectObjects(element, found);
      }
    } else if (value instanceof AtomicReference<?> holder) {
      collectProjectObjects(holder.get(), found);
    } else if (value != null && value.getClass().getName().startsWith(PROJECT_PACKAGE)) {
      found.add(value.getClass().getName());
    }
  }

  private static Object read(Class<?> type, String field, Object from)
      throws ReflectiveOperationException {
    Field declared = type.getDeclaredField(field);
    declared.setAccessible(true);
    return declared.get(from);
  }
}

package lint;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** A class that uses every shape the processor supports, for a -Xlint:all -Werror build. */
class Outer {
  abstract static class Base<E> {
    @PyHandleCached(slots = 2)
    protected E inherited(PyInterpreter interpreter) {
      return null;
    }
  }

  static class Varied<K extends Comparable<K>, V> extends Base<Map<K, V>> implements Serializable {
    private static final long serialVersionUID = 1L;

    Varied() {}

    @SafeVarargs
    protected <X extends K> Varied(X first, X... rest) throws IOException {
      if (rest.length > 1) {
        throw new IOException(first.toString());
      }
    }

    public Varied(List<? super V> sink, int... sizes) {
      sink.clear();
    }

    @PyHandleCached
    public long count(PyInterpreter interpreter) throws IOException {
      return 1L;
    }

    @PyHandleCached(slots = 16)
    double ratio() {
      return 0.5;
    }

    @PyHandleCached
    boolean flag() {
      return true;
    }

    @PyHandleCached
    char letter() {
      return 'x';
    }

    @PyHandleCached
    byte smallest() {
      return 1;
    }

    @PyHandleCached
    short small() {
      return 2;
    }

    @PyHandleCached
    float single() {
      return 1.5f;
    }

    @PyHandleCached
    int[] sizes() {
      return new int[] {1, 2};
    }

    @PyHandleCached
    K[] keys() {
      return null;
    }

    @PyHandleCached(slots = 4)
    Map<K, List<V>> index(PyInterpreter cached) throws Exception {
      return Map.of();
    }

    @PyHandleCached
    List<?> wildcard() {
      return List.of();
    }

    @SuppressWarnings("rawtypes")
    @PyHandleCached
    List raw() {
      return List.of();
    }

    @PyHandleCached
    String overloaded() {
      return "implicit";
    }

    @PyHandleCached
    String overloaded(PyInterpreter computed) {
      return "explicit";
    }

    /** Named like a generated miss method: the generated one must pick another name. */
    String flagMiss(PyInterpreter interpreter) {
      return interpreter.name();
    }
  }
}

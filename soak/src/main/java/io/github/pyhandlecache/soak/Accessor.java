package io.github.pyhandlecache.soak;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.SplittableRandom;

/** The six cached accessors of a {@link Host}: both generated forms and PyHandleCache, 1 and 4 slots. */
enum Accessor {
  EXPLICIT_1("explicit1(PyInterpreter)", false) {
    @Override
    Value call(Host host, PyInterpreter interpreter) {
      return host.explicit1(interpreter);
    }
  },
  EXPLICIT_4("explicit4(PyInterpreter)", false) {
    @Override
    Value call(Host host, PyInterpreter interpreter) {
      return host.explicit4(interpreter);
    }
  },
  IMPLICIT_1("implicit1()", true) {
    @Override
    Value call(Host host, PyInterpreter interpreter) {
      return host.implicit1();
    }
  },
  IMPLICIT_4("implicit4()", true) {
    @Override
    Value call(Host host, PyInterpreter interpreter) {
      return host.implicit4();
    }
  },
  GET_OR_1("PyHandleCache(1).getOr", false) {
    @Override
    Value call(Host host, PyInterpreter interpreter) {
      return host.getOr1(interpreter);
    }
  },
  GET_OR_4("PyHandleCache(4).getOr", false) {
    @Override
    Value call(Host host, PyInterpreter interpreter) {
      return host.getOr4(interpreter);
    }
  };

  private static final Accessor[] ALL = values();

  /** How many there are: the checker keeps a record per accessor and interpreter of each host. */
  static final int COUNT = ALL.length;

  private final String signature;
  /** Whether the accessor takes its interpreter from {@code PyInterpreter.current()}. */
  final boolean implicit;

  Accessor(String signature, boolean implicit) {
    this.signature = signature;
    this.implicit = implicit;
  }

  /**
   * Calls the accessor on {@code host} for {@code interpreter}; an implicit one ignores the
   * argument and uses the current interpreter, which the caller has made {@code interpreter}.
   */
  abstract Value call(Host host, PyInterpreter interpreter);

  static Accessor pick(SplittableRandom random) {
    return ALL[random.nextInt(COUNT)];
  }

  @Override
  public String toString() {
    return signature;
  }
}

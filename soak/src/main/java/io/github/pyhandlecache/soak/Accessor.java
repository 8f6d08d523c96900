package io.github.pyhandlecache.soak;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The six cached accessors of a {@link Host}: both generated forms and PyHandleCache, 1 and 4
 * slots.
 */
enum Accessor {
  EXPLICIT_1("explicit1(PyInterpreter)", false, Host::explicit1),
  EXPLICIT_4("explicit4(PyInterpreter)", false, Host::explicit4),
  IMPLICIT_1("implicit1()", true, (host, interpreter) -> host.implicit1()),
  IMPLICIT_4("implicit4()", true, (host, interpreter) -> host.implicit4()),
  GET_OR_1("PyHandleCache(1).getOr", false, Host::getOr1),
  GET_OR_4("PyHandleCache(4).getOr", false, Host::getOr4);

  private static final Accessor[] ALL = values();

  /** How many there are: the checker keeps a record per accessor and interpreter of each host. */
  static final int COUNT = ALL.length;

  private final String signature;
  /** Whether the accessor takes its interpreter from {@code PyInterpreter.current()}. */
  final boolean implicit;
  private final BiFunction<Host, PyInterpreter, Value> call;

  Accessor(String signature, boolean implicit, BiFunction<Host, PyInterpreter, Value> call) {
    this.signature = signature;
    this.implicit = implicit;
    this.call = call;
  }

  /**
   * Calls the accessor on {@code host} for {@code interpreter}; an implicit one ignores the
   * argument and uses the current interpreter, which the caller has made {@code interpreter}.
   */
  Value call(Host host, PyInterpreter interpreter) {
    return call.apply(host, interpreter);
  }

  static Accessor pick(SplittableRandom random) {
    return ALL[random.nextInt(COUNT)];
  }

  @Override
  public String toString() {
    return signature;
  }
}

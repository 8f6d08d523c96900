package io.github.pyhandlecache.jfr;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a recording says about the misses of one cached accessor with one slot count: how many
 * ended each way, how long their slow accessor ran in all, and for which interpreters.
 *
 * @param accessor how the events name the accessor: {@code Foo.op(PyInterpreter)}, {@code
 *     Foo.op()}, or {@code PyHandleCache} (every plain cache of that slot count)
 * @param slots how many slots the accessor has
 * @param claims misses that claimed an empty slot
 * @param reclaims misses that claimed a slot a closed interpreter still owned
 * @param bypasses misses that found every slot owned by another open interpreter
 * @param withoutInterpreter calls that had no interpreter
 * @param slowAccessorTime the total duration of those misses: their slow accessor's, and the claim
 *     after it if any
 * @param interpreters the names of the interpreters that missed, sorted, each once
 */
public record AccessorRow(
    String accessor,
    int slots,
    long claims,
    long reclaims,
    long bypasses,
    long withoutInterpreter,
    Duration slowAccessorTime,
    List<String> interpreters) {

  /**
   * Checks that no component is null, and copies the interpreters.
   *
   * @param accessor how the events name the accessor
   * @param slots how many slots the accessor has
   * @param claims misses that claimed an empty slot
   * @param reclaims misses that claimed a slot a closed interpreter still owned
   * @param bypasses misses that found every slot owned by another open interpreter
   * @param withoutInterpreter calls that had no interpreter
   * @param slowAccessorTime the total duration of those misses
   * @param interpreters the names of the interpreters that missed, sorted, each once
   */
  public AccessorRow {
    Objects.requireNonNull(accessor, "accessor");
    Objects.requireNonNull(slowAccessorTime, "slowAccessorTime");
    interpreters = List.copyOf(interpreters);
  }

  /**
   * Returns how many misses were recorded: the sum of the four counts.
   *
   * @return the number of misses
   */
  public long misses() {
    return claims + reclaims + bypasses + withoutInterpreter;
  }
}

package io.github.pyhandlecache.jfr;

import java.util.List;

/**
 * The names of the JDK Flight Recorder events that the cache records, for {@code jfr print
 * --events}, {@code Recording.enable} or {@code RecordingStream.onEvent}. Each is recorded on a
 * miss or a {@code close()}, never on a hit.
 *
 * <p>Every miss event has the same fields: {@code accessor}, how the cached accessor is named
 * ({@code Foo.op(PyInterpreter)}, {@code Foo.op()}, or {@code PyHandleCache}); {@code interpreter},
 * the name of the caller's interpreter; {@code slots}, how many slots the accessor has. Its
 * duration is the miss's: the slow accessor, then the claim, if any. One miss records at most one
 * of them.
 */
public final class CacheEventNames {
  /** The category of every event of the cache. */
  public static final String CATEGORY = "pyhandlecache";

  /** A miss claimed an empty slot. */
  public static final String CLAIM = "io.github.pyhandlecache.Claim";

  /**
   * A miss claimed a slot that a closed interpreter still owned, because that interpreter's
   * {@code close()} had not released it yet. Adds the field {@code previousOwner}, the closed
   * interpreter's name.
   */
  public static final String RECLAIM = "io.github.pyhandlecache.Reclaim";

  /**
   * A miss found every slot owned by another open interpreter: the slow accessor ran and nothing
   * was cached. Many of these mean that the accessor has too few slots.
   */
  public static final String BYPASS = "io.github.pyhandlecache.Bypass";

  /**
   * A call had no interpreter (none entered on the thread, or null passed): the slow accessor ran
   * and nothing was cached. Its {@code interpreter} field is null.
   */
  public static final String NO_INTERPRETER = "io.github.pyhandlecache.NoInterpreter";

  /**
   * {@code PyInterpreter.close()} released an interpreter's slots. Fields: {@code interpreter}, and
   * {@code released}, how many slots it released; the duration is the release's.
   */
  public static final String RELEASE = "io.github.pyhandlecache.Release";

  /** Every event name above, to enable them all in a {@code jdk.jfr.Recording}. */
  public static final List<String> ALL = List.of(CLAIM, RECLAIM, BYPASS, NO_INTERPRETER, RELEASE);

  private CacheEventNames() {}
}

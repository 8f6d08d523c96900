package io.github.pyhandlecache.soak;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The interpreters of the soak: a pool of {@link #POOL} positions, the first {@link #LONG_LIVED}
 * open for the whole run, the others closed and replaced by {@link Churn}. Half the batches are
 * for the newest interpreter, so that threads of one interpreter meet on slots it claims. Every
 * closed interpreter is watched through a weak reference: once the soak forgets it, nothing may
 * keep it reachable (the values cached for it refer to it).
 */
final class Interpreters {
  static final int POOL = 6;
  static final int LONG_LIVED = 2;

  private final AtomicReferenceArray<PyInterpreter> pool = new AtomicReferenceArray<>(POOL);
  private final AtomicInteger created = new AtomicInteger();
  private final ReferenceQueue<PyInterpreter> collected = new ReferenceQueue<>();
  private final Set<Reference<PyInterpreter>> closed = ConcurrentHashMap.newKeySet();
  private volatile int newest = LONG_LIVED;

  Interpreters() {
    for (int position = 0; position < POOL; position++) {
      pool.set(position, position < LONG_LIVED
          ? PyInterpreter.create("long-lived-" + position)
          : create());
    }
  }

  /**
   * The interpreter at {@code position} now: it may be closed by the time the caller uses it. An
   * interpreter that is no longer at its position has been closed, and its close() has returned.
   */
  PyInterpreter at(int position) {
    return pool.get(position);
  }

  /** The position of the newest interpreter half the time, else of any. */
  int pickPosition(SplittableRandom random) {
    return random.nextBoolean() ? newest : random.nextInt(POOL);
  }

  /** Puts a new interpreter at {@code position}, whose interpreter the caller has closed. */
  void replace(int position, PyInterpreter closedOne) {
    closed.add(new WeakReference<>(closedOne, collected));
    pool.set(position, create());
    newest = position;
  }

  /** The position of the newest interpreter, which half the batches are for. */
  int newest() {
    return newest;
  }

  int created() {
    return created.get();
  }

  /** How many closed interpreters are still reachable, as far as the collector has said. */
  int closedStillReachable() {
    for (Reference<?> gone; (gone = collected.poll()) != null; ) {
      closed.remove(gone);
    }
    return closed.size();
  }

  private PyInterpreter create() {
    return PyInterpreter.create("interp-" + created.incrementAndGet());
  }
}

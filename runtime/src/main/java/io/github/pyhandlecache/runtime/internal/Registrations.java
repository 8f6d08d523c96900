package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The objects one interpreter may own slots of, for its {@code close()} to release. Each claim
 * first registers the object and its accessor, weakly (Release in {@link AccessorSlots}'s Note): no
 * host object, generated class or loader is kept alive. Registrations fill arrays by CAS, newest
 * first; once full ones hold twice what the last purge kept, and a collection has run since, they
 * are rebuilt without cleared ones.
 */
public final class Registrations {
  private static final int FIRST_CHUNK = 16;
  private static final int MAX_CHUNK = 1024;
  private static Function<PyInterpreter, Registrations> registrationsOf;
  final AtomicReference<Chunk> head = new AtomicReference<>(new Chunk(FIRST_CHUNK, null));
  private volatile int keptByPurge;
  private int heldBehindNewest; // racy, as is what it decides: when purging is worth a scan
  /** Cleared by the first collection after the last purge: until then, purging finds nothing. */
  private WeakReference<Object> sinceLastPurge; // racy: a stale one is older, so cleared sooner

  /** Tells the protocol how to find an interpreter's registrations: PyInterpreter does, once. */
  public static synchronized void install(Function<PyInterpreter, Registrations> lookup) {
    registrationsOf = registrationsOf == null ? lookup : registrationsOf;
  }

  static Registrations of(PyInterpreter interpreter) {
    return registrationsOf.apply(interpreter);
  }

  /**
   * Releases {@code closed}'s slots of every registered object, then forgets them all, recording a
   * Release event. A call that throws midway leaves them registered for the next call.
   */
  public void releaseAll(PyInterpreter closed) {
    ReleaseEvent event = new ReleaseEvent();
    event.begin();
    int released = 0;
    for (Chunk chunk = head.get(); chunk != null; chunk = chunk.next.get()) {
      for (int i = 0; i < chunk.refs.length(); i++) {
        HostRef ref = chunk.refs.get(i);
        released += ref == null ? 0 : ref.release(closed);
      }
    }
    head.set(new Chunk(FIRST_CHUNK, null));
    keptByPurge = 0;
    heldBehindNewest = 0;
    event.end();
    if (event.shouldCommit()) {
      event.interpreter = closed.name();
      event.released = released;
      event.commit();
    }
  }

  void add(HostRef ref) {
    while (true) {
      Chunk newest = head.get();
      if (newest.tryAdd(ref)) {
        return;
      }
      Chunk added = new Chunk(Math.min(2 * newest.refs.length(), MAX_CHUNK), newest);
      added.tryAdd(ref); // lands in its first slot: the chunk is not shared yet
      if (head.compareAndSet(newest, added)) {
        purgeBehind(added, newest);
        return;
      }
    }
  }

  /**
   * Rebuilds the full, so unchanging, chunks behind {@code newest} without cleared references,
   * once they hold twice what the last purge kept (counted as chunks fill, not by walking them,
   * which made adds quadratic) and a collection ran since that purge (only collections clear
   * references: before one, a purge would copy every registration to keep them all). Of racing
   * purges, one CAS of {@code newest.next} wins; readers of either chain see all live ones.
   */
  private void purgeBehind(Chunk newest, Chunk behind) {
    heldBehindNewest += behind.refs.length();
    WeakReference<Object> lastPurge = sinceLastPurge;
    if (heldBehindNewest < 2 * keptByPurge + MAX_CHUNK
        || lastPurge != null && !lastPurge.refersTo(null)) {
      return;
    }
    sinceLastPurge = new WeakReference<>(new Object()); // before the scan: see its field
    Chunk rebuilt = null;
    int kept = 0;
    for (Chunk chunk = behind; chunk != null; chunk = chunk.next.get()) {
      for (int i = 0; i < chunk.refs.length(); i++) {
        HostRef ref = chunk.refs.get(i);
        if (ref != null && !ref.refersTo(null)) {
          rebuilt = kept % MAX_CHUNK == 0 ? new Chunk(MAX_CHUNK, rebuilt) : rebuilt; // null or full
          rebuilt.refs.set(rebuilt.free++, ref);
          kept++;
        }
      }
    }
    if (newest.next.compareAndSet(behind, rebuilt)) {
      keptByPurge = kept;
      heldBehindNewest = (kept + MAX_CHUNK - 1) / MAX_CHUNK * MAX_CHUNK; // the rebuilt chunks
    }
  }

  /** An array of registrations, filled from the start by CAS. */
  static final class Chunk {
    final AtomicReferenceArray<HostRef> refs;
    final AtomicReference<Chunk> next;
    int free; // every slot below it is taken (racy: a stale value only costs a longer scan)

    Chunk(int capacity, Chunk next) {
      this.refs = new AtomicReferenceArray<>(capacity);
      this.next = new AtomicReference<>(next);
    }

    boolean tryAdd(HostRef ref) {
      for (int i = free; i < refs.length(); i++) {
        if (refs.compareAndSet(i, null, ref)) {
          free = i + 1;
          return true;
        }
      }
      free = refs.length();
      return false;
    }
  }

  /** An object, weakly, and its accessor, weakly too, whose slot of it an interpreter may own. */
  static final class HostRef extends WeakReference<Object> {
    private final WeakReference<AccessorSlots> slots;

    HostRef(Object host, WeakReference<AccessorSlots> slots) {
      super(host);
      this.slots = slots;
    }

    int release(PyInterpreter closed) {
      Object host = get();
      AccessorSlots accessor = slots.get();
      return host == null || accessor == null ? 0 : accessor.release(host, closed);
    }
  }

  @Name("io.github.pyhandlecache.Release")
  @Label("Cache Release")
  @Category("pyhandlecache")
  @StackTrace(false)
  @Description("close() released an interpreter's slots; the duration is the release's")
  private static final class ReleaseEvent extends Event {
    @Label("Interpreter") String interpreter;
    @Label("Released Slots") int released;
  }
}

package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.function.Function;

/**
 * The objects one interpreter may own slots of, so that its {@code close()} can release them.
 * <strong>Support for {@code PyInterpreter}; not an API.</strong>
 *
 * <p>An object is registered before each claim (see Release in {@link AccessorSlots}'s Note), so a
 * registration may name an object whose slot was never won. It holds the object and its accessor
 * weakly: the cache keeps neither a host object nor a generated class (and its class loader) alive.
 * Registrations live in chunks of an array each, the newest first; once cleared references are as
 * many as the live ones, the chunks behind the newest are rebuilt without them.
 *
 * <p>Lock-free: each shared write is one CAS, so a thread stopped anywhere leaves them usable.
 */
public final class Registrations {
  private static final int FIRST_CHUNK = 16;
  private static final int MAX_CHUNK = 1024;
  private static final VarHandle HEAD;
  private static final VarHandle NEXT;
  private static final VarHandle REFS = MethodHandles.arrayElementVarHandle(HostRef[].class);

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      HEAD = lookup.findVarHandle(Registrations.class, "head", Chunk.class);
      NEXT = lookup.findVarHandle(Chunk.class, "next", Chunk.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static Function<PyInterpreter, Registrations> registrationsOf;

  @SuppressWarnings("unused") // through HEAD
  private volatile Chunk head = new Chunk(FIRST_CHUNK, null);
  /** How many registrations the last purge kept: the next purge waits for as many more. */
  private volatile int keptByPurge;

  /** Creates an empty set of registrations, for a new interpreter. */
  public Registrations() {}

  /**
   * Tells the protocol how to find an interpreter's registrations; {@code PyInterpreter} does,
   * once, when it is loaded.
   *
   * @param registrationsOf returns an interpreter's registrations
   * @throws IllegalStateException if it was done already
   */
  public static synchronized void install(Function<PyInterpreter, Registrations> registrationsOf) {
    if (Registrations.registrationsOf != null) {
      throw new IllegalStateException("already installed");
    }
    Registrations.registrationsOf = registrationsOf;
  }

  static Registrations of(PyInterpreter interpreter) {
    return registrationsOf.apply(interpreter);
  }

  /**
   * Releases {@code closed}'s slots of every registered object, then forgets them all; records a
   * {@code Release} event. A call that throws midway leaves the rest registered for the next call.
   *
   * @param closed the interpreter being closed
   * @return how many slots it owned and released
   */
  public int releaseAll(PyInterpreter closed) {
    CacheEvents.Release event = CacheEvents.beginRelease(closed);
    int released = 0;
    for (Chunk chunk = head; chunk != null; chunk = chunk.next) {
      for (int i = 0; i < chunk.refs.length; i++) {
        HostRef ref = (HostRef) REFS.getVolatile(chunk.refs, i);
        if (ref != null) {
          released += ref.release(closed);
        }
      }
    }
    head = new Chunk(FIRST_CHUNK, null);
    keptByPurge = 0;
    CacheEvents.endRelease(event, released);
    return released;
  }

  /**
   * Returns how many registrations are held, those of collected objects included.
   *
   * @return the number of registrations
   */
  public int size() {
    int size = 0;
    for (Chunk chunk = head; chunk != null; chunk = chunk.next) {
      for (int i = 0; i < chunk.refs.length; i++) {
        size += REFS.getVolatile(chunk.refs, i) == null ? 0 : 1;
      }
    }
    return size;
  }

  void add(HostRef ref) {
    while (true) {
      Chunk newest = head;
      if (newest.tryAdd(ref)) {
        return;
      }
      Chunk added = new Chunk(Math.min(2 * newest.refs.length, MAX_CHUNK), newest);
      added.refs[0] = ref;
      added.free = 1;
      if (HEAD.compareAndSet(this, added.next, added)) {
        purgeBehind(added);
        return;
      }
    }
  }

  /**
   * Rebuilds the full chunks behind {@code newest} without cleared references, if they hold twice
   * what the last purge kept. Racing purges build their own chunks; one CAS of {@code newest.next}
   * wins. Readers see either chain, each with every live registration.
   */
  private void purgeBehind(Chunk newest) {
    Chunk behind = newest.next;
    int held = 0;
    for (Chunk chunk = behind; chunk != null; chunk = chunk.next) {
      held += chunk.refs.length;
    }
    if (held < 2 * keptByPurge + MAX_CHUNK) {
      return;
    }
    Chunk rebuilt = null;
    int kept = 0;
    for (Chunk chunk = behind; chunk != null; chunk = chunk.next) {
      for (HostRef ref : chunk.refs) { // full chunks never change
        if (ref != null && !ref.refersTo(null)) {
          if (rebuilt == null || rebuilt.free == MAX_CHUNK) {
            rebuilt = new Chunk(MAX_CHUNK, rebuilt);
          }
          rebuilt.refs[rebuilt.free++] = ref;
          kept++;
        }
      }
    }
    if (rebuilt != null) {
      rebuilt.free = MAX_CHUNK; // not the newest: nothing is added to it
    }
    if (NEXT.compareAndSet(newest, behind, rebuilt)) {
      keptByPurge = kept;
    }
  }

  /** An array of registrations, filled from the start by CAS. */
  private static final class Chunk {
    final HostRef[] refs;
    @SuppressWarnings("unused") // through NEXT
    volatile Chunk next;
    /** Every slot below it is taken (racy: a stale value only costs a longer scan). */
    int free;

    Chunk(int capacity, Chunk next) {
      this.refs = new HostRef[capacity];
      this.next = next;
    }

    boolean tryAdd(HostRef ref) {
      for (int i = free; i < refs.length; i++) {
        if (REFS.compareAndSet(refs, i, null, ref)) {
          free = i + 1;
          return true;
        }
      }
      free = refs.length;
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
}

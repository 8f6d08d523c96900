package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.function.Function;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The objects one interpreter may own slots of, so that its {@code close()} can release them.
 * An object is registered before each claim (see Release in {@link AccessorSlots}'s Note), weakly,
 * with its accessor weakly too: the cache keeps neither a host object nor a generated class (and its
 * class loader) alive. Registrations fill arrays by CAS, the newest first; once the arrays behind
 * the newest hold twice what the last purge kept, they are rebuilt without cleared references.
 */
public final class Registrations {
  private static final int FIRST_CHUNK = 16;
  private static final int MAX_CHUNK = 1024;
  private static final VarHandle HEAD;
  private static final VarHandle NEXT;
  private static final VarHandle REFS = MethodHandles.arrayElementVarHandle(HostRef[].class);
  private static Function<PyInterpreter, Registrations> registrationsOf;

  static {
    try {
      HEAD = MethodHandles.lookup().findVarHandle(Registrations.class, "head", Chunk.class);
      NEXT = MethodHandles.lookup().findVarHandle(Chunk.class, "next", Chunk.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile Chunk head = new Chunk(FIRST_CHUNK, null);
  private volatile int keptByPurge;

  /** Tells the protocol how to find an interpreter's registrations: PyInterpreter does, once. */
  public static synchronized void install(Function<PyInterpreter, Registrations> registrationsOf) {
    Registrations.registrationsOf =
        Registrations.registrationsOf == null ? registrationsOf : Registrations.registrationsOf;
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
    for (Chunk chunk = head; chunk != null; chunk = chunk.next) {
      for (int i = 0; i < chunk.refs.length; i++) {
        HostRef ref = (HostRef) REFS.getVolatile(chunk.refs, i);
        released += ref == null ? 0 : ref.release(closed);
      }
    }
    head = new Chunk(FIRST_CHUNK, null);
    keptByPurge = 0;
    event.end();
    if (event.shouldCommit()) {
      event.interpreter = closed.name();
      event.released = released;
      event.commit();
    }
  }

  /** How many registrations are held, those of collected objects included (racing adds aside). */
  public int size() {
    int size = 0;
    for (Chunk chunk = head; chunk != null; chunk = chunk.next) {
      size += chunk.free;
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
      if (HEAD.compareAndSet(this, newest, added)) {
        purgeBehind(added, newest);
        return;
      }
    }
  }

  /**
   * Rebuilds the chunks behind {@code newest}, which are full and so never change, without cleared
   * references. Racing purges each build their own; one CAS of {@code newest.next} wins, and a
   * reader walks either chain, both with every live registration.
   */
  private void purgeBehind(Chunk newest, Chunk behind) {
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
      for (HostRef ref : chunk.refs) {
        if (ref != null && !ref.refersTo(null)) {
          rebuilt = rebuilt == null || rebuilt.free == MAX_CHUNK ? new Chunk(MAX_CHUNK, rebuilt) : rebuilt;
          rebuilt.refs[rebuilt.free++] = ref;
          kept++;
        }
      }
    }
    if (NEXT.compareAndSet(newest, behind, rebuilt)) {
      keptByPurge = kept;
    }
  }

  /** An array of registrations, filled from the start by CAS. */
  private static final class Chunk {
    final HostRef[] refs;
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

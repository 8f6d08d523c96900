package io.github.pyhandlecache.benchmarks.hosts;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.internal.MissEvents;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A candidate layout for issue 14, by hand, measured before anything is generated: inline slots
 * (a tag and a value per slot, in the host), claimed with a token that nobody waits on, and one
 * weak registration per host. <strong>Benchmarks only.</strong>
 *
 * <p>A slot's tag is null (empty), the {@link Thread} that is claiming it, or its owner. A claim
 * registers the host, reads {@code closed}, CASes the tag from null to its thread, CASes the value
 * from null to its own, then CASes the tag from its thread to its interpreter. A thread that finds
 * another live thread's token goes on with its own value. A hit is the inline validated one: an
 * acquire load of the tag, a compare, an opaque load of the value, an acquire fence and the tag
 * again, since a release empties an owned slot in place.
 *
 * <p>Why the value is an {@code Object} and written by CAS: {@code close()} must leave no value
 * of its interpreter in any slot without waiting for a claimant that is between its two tag CASes.
 * It would CAS such a token to a killed one (which only its thread, or anyone once that thread has
 * ended, may clear) and CAS the value to a poison that the claimant's value CAS cannot replace. A
 * typed value field has no poison: generated code would read an {@code Object} and cast it.
 *
 * <p>What is left out, because no benchmark here exercises it: {@code close()}, the killed token
 * and the poison, retaking a token whose thread has ended, and the claim's JFR events beyond the
 * miss's {@code MissEvents.begin()} probe. The tags are {@link Interpreter}s, each pairing a {@code
 * PyInterpreter} with its registrations.
 */
public final class TokenProtocol {
  private TokenProtocol() {}

  /** Claims slot {@code slot} of {@code host} for {@code claimant}; returns whether it owns it. */
  static boolean claim(Object host, VarHandle tag, VarHandle value, VarHandle registration,
      Interpreter claimant, Object computed) {
    MissEvents.begin();
    if (claimant.registers) {
      claimant.register(registrationOf(host, registration));
    }
    if (claimant.isClosed()) { // read after registering, as in the runtime's Release
      return false;
    }
    Thread self = Thread.currentThread();
    if (!tag.compareAndSet(host, null, self)) {
      return false; // another claim is under way, or done: no waiting
    }
    if (!value.compareAndSet(host, null, computed)) {
      value.setOpaque(host, null); // a poison: the slot was killed under us, and is ours to clear
      tag.setRelease(host, null);
      return false;
    }
    return tag.compareAndSet(host, self, claimant);
  }

  /** The host's registration, made by its first claim and shared by every later one. */
  static Registration registrationOf(Object host, VarHandle registration) {
    Registration ref = (Registration) registration.getAcquire(host);
    if (ref == null) {
      Registration made = new Registration(host);
      ref = registration.compareAndSet(host, null, made)
          ? made : (Registration) registration.getAcquire(host);
    }
    return ref;
  }

  /**
   * An interpreter of this layout: the tag of its slots and the hosts it registered, in chunks
   * filled by CAS and purged of collected hosts as the runtime's are (once the full chunks hold
   * twice what the last purge kept, and a collection has run since that purge), so that a claim
   * costs what the runtime's bookkeeping costs.
   */
  public static final class Interpreter {
    private static final int FIRST_CHUNK = 16;
    private static final int MAX_CHUNK = 1024;
    private final PyInterpreter interpreter;
    private final boolean registers;
    private final AtomicReference<Chunk> newest =
        new AtomicReference<>(new Chunk(FIRST_CHUNK, null));
    private int held;
    private int kept;
    /** Cleared by the first collection after the last purge: until then, a purge finds nothing. */
    private WeakReference<Object> sinceLastPurge;

    public Interpreter(PyInterpreter interpreter) {
      this(interpreter, true);
    }

    /**
     * An interpreter that registers nothing if {@code registers} is false: no {@code close()}
     * could find its slots, so it only measures what the registration costs a claim.
     */
    public Interpreter(PyInterpreter interpreter, boolean registers) {
      this.interpreter = interpreter;
      this.registers = registers;
    }

    boolean isClosed() {
      return interpreter.isClosed();
    }

    int preferredSlot(int slots) {
      return interpreter.hashCode() % slots;
    }

    void register(Registration ref) {
      while (true) {
        Chunk full = newest.get();
        if (full.tryAdd(ref)) {
          return;
        }
        Chunk added = new Chunk(Math.min(2 * full.refs.length(), MAX_CHUNK), full);
        added.refs.set(0, ref);
        added.free = 1;
        if (newest.compareAndSet(full, added)) {
          held += full.refs.length();
          WeakReference<Object> lastPurge = sinceLastPurge;
          if (held >= 2 * kept + MAX_CHUNK && (lastPurge == null || lastPurge.refersTo(null))) {
            purge(added, full);
          }
          return;
        }
      }
    }

    /** Replaces the chunks from {@code full} on by chunks of their uncollected hosts only. */
    private void purge(Chunk added, Chunk full) {
      sinceLastPurge = new WeakReference<>(new Object());
      Chunk rebuilt = null;
      int live = 0;
      for (Chunk chunk = full; chunk != null; chunk = chunk.older.get()) {
        for (int i = 0; i < chunk.refs.length(); i++) {
          Registration ref = chunk.refs.get(i);
          if (ref == null || ref.refersTo(null)) {
            continue;
          }
          if (live++ % MAX_CHUNK == 0) {
            rebuilt = new Chunk(MAX_CHUNK, rebuilt);
          }
          rebuilt.refs.set(rebuilt.free++, ref);
        }
      }
      if (added.older.compareAndSet(full, rebuilt)) {
        kept = live;
        held = (live + MAX_CHUNK - 1) / MAX_CHUNK * MAX_CHUNK;
      }
    }

    @Override
    public String toString() {
      return interpreter.toString();
    }
  }

  /** A host, weakly: all a close() needs to find its slots, from the host's class. */
  static final class Registration extends WeakReference<Object> {
    Registration(Object host) {
      super(host);
    }
  }

  /** Registrations filled from the start by CAS, newest chunk first. */
  private static final class Chunk {
    final AtomicReferenceArray<Registration> refs;
    final AtomicReference<Chunk> older;
    int free; // racy: a stale value only costs a longer scan

    Chunk(int capacity, Chunk older) {
      this.refs = new AtomicReferenceArray<>(capacity);
      this.older = new AtomicReference<>(older);
    }

    boolean tryAdd(Registration ref) {
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
}

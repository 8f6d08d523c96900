package io.github.pyhandlecache.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The objects whose slots one interpreter may own, so that {@link PyInterpreter#close()} can
 * release them. Objects are held weakly: the cache never keeps a host object alive.
 *
 * <p>An object is registered before each claim (see Release in {@link AccessorSlots}'s Note), so
 * a registration may name an object whose slot was never won. Registrations of collected objects
 * are dropped once they are as many as the rest, which keeps the cost of a claim constant.
 */
final class OwnedSlots {
  private static final VarHandle REGISTERED;
  private static final int FIRST_PURGE = 64;

  static {
    try {
      REGISTERED = MethodHandles.lookup().findVarHandle(OwnedSlots.class, "registered", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Lock-free: a thread stopped anywhere inside it, by any Throwable, leaves it consistent. */
  private final ConcurrentLinkedQueue<Registration> registrations = new ConcurrentLinkedQueue<>();

  private volatile int registered;
  private volatile int purgeAt = FIRST_PURGE;

  void register(Object holder, AccessorSlots slots) {
    registrations.add(new Registration(holder, slots));
    if ((int) REGISTERED.getAndAdd(this, 1) + 1 >= purgeAt) {
      purgeCollected();
    }
  }

  /**
   * Releases {@code closed}'s slot of every registered object, then forgets them. Returns how many
   * slots were released. A call that throws midway leaves the rest registered for the next call.
   */
  int releaseAll(PyInterpreter closed) {
    int released = 0;
    for (Registration registration : registrations) {
      Object holder = registration.get();
      if (holder != null && registration.slots.release(holder, closed)) {
        released++;
      }
    }
    registrations.clear();
    registered = 0;
    return released;
  }

  /** Returns how many registrations are held, collected objects' included. */
  int size() {
    return registrations.size();
  }

  private void purgeCollected() {
    registrations.removeIf(registration -> registration.refersTo(null));
    int live = registrations.size();
    registered = live;
    purgeAt = Math.max(FIRST_PURGE, 2 * live);
  }

  /** An object, weakly, and the accessor whose slot of it an interpreter may own. */
  private static final class Registration extends WeakReference<Object> {
    final AccessorSlots slots;

    Registration(Object holder, AccessorSlots slots) {
      super(holder);
      this.slots = slots;
    }
  }
}

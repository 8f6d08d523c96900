package io.github.pyhandlecache.benchmarks.hosts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@link RegisteringSeedHost} with four slots: four inline tags and values, each claimed as the
 * seed claims its one (a CAS of the tag from null, then the value), and one weak registration of
 * the host, made by its first claim and added to every claiming interpreter's chunks, as the
 * runtime shares one among an accessor's slots. A claim takes the first empty slot from the
 * claimant's preferred one. <strong>Racy, as the seed is.</strong> Benchmarks only.
 */
public final class RegisteringSeedFourSlotHost {
  private static final VarHandle TAG0;
  private static final VarHandle TAG1;
  private static final VarHandle TAG2;
  private static final VarHandle TAG3;
  private static final VarHandle REGISTRATION;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      Class<?> host = RegisteringSeedFourSlotHost.class;
      TAG0 = lookup.findVarHandle(host, "tag0", Object.class);
      TAG1 = lookup.findVarHandle(host, "tag1", Object.class);
      TAG2 = lookup.findVarHandle(host, "tag2", Object.class);
      TAG3 = lookup.findVarHandle(host, "tag3", Object.class);
      REGISTRATION = lookup.findVarHandle(host, "registration", TokenProtocol.Registration.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final String name;
  @SuppressWarnings("unused") // through TAG0 to TAG3
  private Object tag0;
  @SuppressWarnings("unused")
  private Object tag1;
  @SuppressWarnings("unused")
  private Object tag2;
  @SuppressWarnings("unused")
  private Object tag3;
  private Object value0;
  private Object value1;
  private Object value2;
  private Object value3;
  @SuppressWarnings("unused") // through REGISTRATION
  private TokenProtocol.Registration registration;

  public RegisteringSeedFourSlotHost(String name) {
    this.name = name;
  }

  /** The hit looks at the claimant's preferred slot; the miss scans all four. */
  public Object value(TokenProtocol.Interpreter interpreter) {
    int slot = interpreter.preferredSlot(4);
    if (tag(slot) == interpreter) {
      return value(slot);
    }
    return valueMiss(interpreter);
  }

  private Object valueMiss(TokenProtocol.Interpreter interpreter) {
    Object computed = name; // the slow accessor
    int from = interpreter.preferredSlot(4);
    for (int i = 0; i < 4; i++) {
      int slot = (from + i) % 4;
      Object tag = tag(slot);
      if (tag == interpreter) {
        return computed;
      } else if (tag == null && claimTag(slot, interpreter)) {
        interpreter.register(TokenProtocol.registrationOf(this, REGISTRATION));
        setValue(slot, computed); // the seed's order: tag first, then the value
        return computed;
      }
    }
    return computed;
  }

  /** Each slot with its own constant VarHandle, as generated code would have them. */
  private Object tag(int slot) {
    return switch (slot) {
      case 0 -> TAG0.getAcquire(this);
      case 1 -> TAG1.getAcquire(this);
      case 2 -> TAG2.getAcquire(this);
      default -> TAG3.getAcquire(this);
    };
  }

  private boolean claimTag(int slot, TokenProtocol.Interpreter interpreter) {
    return switch (slot) {
      case 0 -> TAG0.compareAndSet(this, null, interpreter);
      case 1 -> TAG1.compareAndSet(this, null, interpreter);
      case 2 -> TAG2.compareAndSet(this, null, interpreter);
      default -> TAG3.compareAndSet(this, null, interpreter);
    };
  }

  private Object value(int slot) {
    return switch (slot) {
      case 0 -> value0;
      case 1 -> value1;
      case 2 -> value2;
      default -> value3;
    };
  }

  private void setValue(int slot, Object value) {
    switch (slot) {
      case 0 -> value0 = value;
      case 1 -> value1 = value;
      case 2 -> value2 = value;
      default -> value3 = value;
    }
  }
}

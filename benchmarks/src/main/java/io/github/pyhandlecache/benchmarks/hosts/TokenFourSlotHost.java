package io.github.pyhandlecache.benchmarks.hosts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The candidate layout of {@link TokenProtocol}, four slots, by hand: four inline tags and values
 * and one registration for the host. A claim takes the first empty slot from the claimant's
 * preferred one. Benchmarks only.
 */
public final class TokenFourSlotHost {
  private static final VarHandle TAG0;
  private static final VarHandle TAG1;
  private static final VarHandle TAG2;
  private static final VarHandle TAG3;
  private static final VarHandle VALUE0;
  private static final VarHandle VALUE1;
  private static final VarHandle VALUE2;
  private static final VarHandle VALUE3;
  private static final VarHandle REGISTRATION;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      TAG0 = lookup.findVarHandle(TokenFourSlotHost.class, "tag0", Object.class);
      TAG1 = lookup.findVarHandle(TokenFourSlotHost.class, "tag1", Object.class);
      TAG2 = lookup.findVarHandle(TokenFourSlotHost.class, "tag2", Object.class);
      TAG3 = lookup.findVarHandle(TokenFourSlotHost.class, "tag3", Object.class);
      VALUE0 = lookup.findVarHandle(TokenFourSlotHost.class, "value0", Object.class);
      VALUE1 = lookup.findVarHandle(TokenFourSlotHost.class, "value1", Object.class);
      VALUE2 = lookup.findVarHandle(TokenFourSlotHost.class, "value2", Object.class);
      VALUE3 = lookup.findVarHandle(TokenFourSlotHost.class, "value3", Object.class);
      REGISTRATION = lookup.findVarHandle(TokenFourSlotHost.class, "registration",
          TokenProtocol.Registration.class);
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
  @SuppressWarnings("unused") // through VALUE0 to VALUE3
  private Object value0;
  @SuppressWarnings("unused")
  private Object value1;
  @SuppressWarnings("unused")
  private Object value2;
  @SuppressWarnings("unused")
  private Object value3;
  @SuppressWarnings("unused") // through REGISTRATION
  private TokenProtocol.Registration registration;

  public TokenFourSlotHost(String name) {
    this.name = name;
  }

  /** The hit looks at the claimant's preferred slot; the miss scans all four. */
  public Object value(TokenProtocol.Interpreter interpreter) {
    if (interpreter != null) {
      int slot = interpreter.preferredSlot(4);
      if (tag(slot) == interpreter) {
        Object cached = value(slot);
        VarHandle.acquireFence();
        if (tag(slot) == interpreter) {
          return cached;
        }
      }
    }
    return valueMiss(interpreter);
  }

  private Object valueMiss(TokenProtocol.Interpreter interpreter) {
    Object computed = name; // the slow accessor
    if (interpreter == null) {
      return computed;
    }
    int from = interpreter.preferredSlot(4);
    for (int i = 0; i < 4; i++) {
      int slot = (from + i) % 4;
      Object tag = tag(slot);
      if (tag == interpreter) {
        return computed; // another thread of ours claimed it meanwhile: a real miss validates
      } else if (tag == null) {
        return claim(slot, interpreter, computed) ? value(slot) : computed;
      }
    }
    return computed;
  }

  /** Each slot's claim with its own constant VarHandles, as generated code would have them. */
  private boolean claim(int slot, TokenProtocol.Interpreter interpreter, Object computed) {
    return switch (slot) {
      case 0 -> TokenProtocol.claim(this, TAG0, VALUE0, REGISTRATION, interpreter, computed);
      case 1 -> TokenProtocol.claim(this, TAG1, VALUE1, REGISTRATION, interpreter, computed);
      case 2 -> TokenProtocol.claim(this, TAG2, VALUE2, REGISTRATION, interpreter, computed);
      default -> TokenProtocol.claim(this, TAG3, VALUE3, REGISTRATION, interpreter, computed);
    };
  }

  private Object tag(int slot) {
    return switch (slot) {
      case 0 -> TAG0.getAcquire(this);
      case 1 -> TAG1.getAcquire(this);
      case 2 -> TAG2.getAcquire(this);
      default -> TAG3.getAcquire(this);
    };
  }

  private Object value(int slot) {
    return switch (slot) {
      case 0 -> VALUE0.getOpaque(this);
      case 1 -> VALUE1.getOpaque(this);
      case 2 -> VALUE2.getOpaque(this);
      default -> VALUE3.getOpaque(this);
    };
  }
}

package io.github.pyhandlecache.benchmarks.hosts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The candidate layout of {@link TokenProtocol}, one slot, by hand: an inline tag and value and
 * the host's registration. Benchmarks only.
 */
public final class TokenOneSlotHost {
  private static final VarHandle TAG;
  private static final VarHandle VALUE;
  private static final VarHandle REGISTRATION;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      TAG = lookup.findVarHandle(TokenOneSlotHost.class, "tag", Object.class);
      VALUE = lookup.findVarHandle(TokenOneSlotHost.class, "value", Object.class);
      REGISTRATION = lookup.findVarHandle(TokenOneSlotHost.class, "registration",
          TokenProtocol.Registration.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final String name;
  @SuppressWarnings("unused") // through TAG
  private Object tag;
  @SuppressWarnings("unused") // through VALUE
  private Object value;
  @SuppressWarnings("unused") // through REGISTRATION
  private TokenProtocol.Registration registration;

  public TokenOneSlotHost(String name) {
    this.name = name;
  }

  public Object value(TokenProtocol.Interpreter interpreter) {
    if (interpreter != null && TAG.getAcquire(this) == interpreter) {
      Object cached = VALUE.getOpaque(this);
      VarHandle.acquireFence();
      if (TAG.getOpaque(this) == interpreter) {
        return cached;
      }
    }
    return valueMiss(interpreter);
  }

  private Object valueMiss(TokenProtocol.Interpreter interpreter) {
    Object computed = name; // the slow accessor
    if (interpreter != null && TAG.getAcquire(this) == null
        && TokenProtocol.claim(this, TAG, VALUE, REGISTRATION, interpreter, computed)) {
      return VALUE.getOpaque(this);
    }
    return computed;
  }
}

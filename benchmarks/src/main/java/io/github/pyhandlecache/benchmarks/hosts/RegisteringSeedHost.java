package io.github.pyhandlecache.benchmarks.hosts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The seed's protocol by hand ({@link SeedHost}) plus the one thing that Release adds to any
 * layout: a claim registers its host, weakly, with the claiming interpreter, in the chunks of
 * {@link TokenProtocol.Interpreter}, which are purged of collected hosts as the runtime's are. A
 * {@code close()} needs some way to find the hosts whose slots it must empty, and a registration
 * that held them strongly would keep every host whose value refers back to it. This is the least a
 * claim costs once Release holds: no claim token, no check of {@code closed}, no event probe.
 * <strong>Racy, as the seed is.</strong> Benchmarks only.
 */
public final class RegisteringSeedHost {
  private static final VarHandle TAG;

  static {
    try {
      TAG = MethodHandles.lookup().findVarHandle(RegisteringSeedHost.class, "tag", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final String name;
  @SuppressWarnings("unused") // through TAG
  private Object tag;
  private Object value;

  public RegisteringSeedHost(String name) {
    this.name = name;
  }

  public Object value(TokenProtocol.Interpreter interpreter) {
    if (TAG.getAcquire(this) == interpreter) {
      return value;
    }
    return valueMiss(interpreter);
  }

  private Object valueMiss(TokenProtocol.Interpreter interpreter) {
    Object computed = name; // the slow accessor
    if (TAG.getAcquire(this) == null && TAG.compareAndSet(this, null, interpreter)) {
      interpreter.register(new TokenProtocol.Registration(this));
      value = computed; // the seed's order: tag first, then the value
    }
    return computed;
  }
}

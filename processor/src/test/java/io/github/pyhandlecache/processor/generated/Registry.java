package io.github.pyhandlecache.processor.generated;

import io.github.pyhandlecache.annotations.PyHandleCached;
import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Nesting, inheritance, overriding, constructors and slot counts, as users combine them. */
final class Registry {
  private Registry() {}

  /** Declares an annotated method, so it gets PyHandleCached_Registry_Base. */
  abstract static class Base {
    final AtomicInteger calls = new AtomicInteger();

    @PyHandleCached
    protected Handle baseOp(PyInterpreter interpreter) {
      calls.incrementAndGet();
      return new Handle(interpreter, "base");
    }

    @PyHandleCached
    public Handle replaced(PyInterpreter interpreter) {
      calls.incrementAndGet();
      return new Handle(interpreter, "replaced in base");
    }
  }

  /** Inherits baseOp, overrides replaced without the annotation, declares its own. */
  static class Derived extends Base {
    @Override
    public Handle replaced(PyInterpreter interpreter) {
      calls.incrementAndGet();
      return new Handle(interpreter, "replaced in derived");
    }

    @PyHandleCached
    Handle derivedOp(PyInterpreter interpreter) {
      calls.incrementAndGet();
      return new Handle(interpreter, "derived");
    }
  }

  /** Only inherits annotated methods: no generated class of its own. */
  static class OnlyInherits extends Base {}

  /** Mirrored constructors: overloads, varargs, type parameters, checked exceptions. */
  static class Constructors<T> {
    final List<Object> arguments;

    protected Constructors() {
      this.arguments = List.of();
    }

    Constructors(String first, int... rest) {
      this.arguments = List.of(first, rest.length);
    }

    public <X extends T> Constructors(X value, List<? super X> sink) throws IOException {
      if (value == null) {
        throw new IOException("no value");
      }
      this.arguments = List.of(value, sink.size());
    }

    private Constructors(long ignored) {
      this.arguments = List.of(ignored);
    }

    @PyHandleCached
    Object arguments(PyInterpreter interpreter) {
      return List.copyOf(arguments);
    }
  }

  /** The largest slot count: sixteen interpreters are served at once. */
  static class Crowded {
    final AtomicInteger calls = new AtomicInteger();

    @PyHandleCached(slots = 16)
    Handle op(PyInterpreter interpreter) {
      calls.incrementAndGet();
      return new Handle(interpreter, "crowded");
    }
  }
}

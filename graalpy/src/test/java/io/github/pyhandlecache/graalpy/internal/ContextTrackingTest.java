package io.github.pyhandlecache.graalpy.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.runtime.PyInterpreter;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * That binding a context makes its engine track it ({@link CurrentContextLookup}'s Javadoc): the
 * answer comes from the thread's frames, not from {@code Context.getCurrent()}.
 */
class ContextTrackingTest {
  private static Engine engine;

  @BeforeAll
  static void startEngine() {
    engine = Engine.newBuilder("python").option("engine.WarnInterpreterOnly", "false").build();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @Test
  void aBoundContextIsTrackedByTheInstrumentOfItsEngine() {
    try (Context context = Context.newBuilder("python").engine(engine).build()) {
      PyInterpreter interpreter = PyInterpreter.create("tracked");
      CurrentContextLookup.bind(context, interpreter);
      try {
        assertTrue(engine.getInstruments().containsKey(ContextTrackingInstrument.ID));
        assertNull(EnteredContexts.innermost());
        context.enter();
        try {
          assertSame(interpreter, EnteredContexts.innermost().interpreter());
          assertNull(UntrackedContexts.current(), "nothing to ask Context.getCurrent() about");
        } finally {
          context.leave();
        }
        assertNull(EnteredContexts.innermost());
      } finally {
        CurrentContextLookup.unbind(context, interpreter);
      }
    }
  }

  @Test
  void aContextBoundThroughContextGetCurrentOnAThreadInsideItIsTrackedToo() {
    try (Context context = Context.newBuilder("python").engine(engine).build()) {
      PyInterpreter interpreter = PyInterpreter.create("bound from inside");
      context.enter();
      try {
        Context current = Context.getCurrent(); // an object that cannot be entered
        CurrentContextLookup.bind(current, interpreter);
        try {
          assertSame(interpreter, PyInterpreter.current());
          assertNull(UntrackedContexts.current());
        } finally {
          CurrentContextLookup.unbind(current, interpreter);
        }
      } finally {
        context.leave();
      }
    }
  }
}

package io.github.pyhandlecache.graalpy;

import static io.github.pyhandlecache.graalpy.GraalPyContexts.isCollected;
import static io.github.pyhandlecache.graalpy.GraalPyContexts.python;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.lang.ref.WeakReference;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link GraalPyInterpreter}'s lifecycle, its Javadoc's Binding and Closing sections, and its
 * errors, on real GraalPy contexts that share one engine.
 */
class GraalPyInterpreterTest {
  private static Engine engine;

  @BeforeAll
  static void startEngine() {
    engine = GraalPyContexts.newEngine();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @Test
  void createOwnsTheContextAndCloseClosesTheInterpreterThenTheContext() {
    GraalPyInterpreter python = GraalPyInterpreter.create("owned", python(engine));
    assertTrue(python.ownsContext());
    assertEquals("owned", python.name());
    assertEquals("owned", python.interpreter().name());
    assertEquals(Optional.of(python), GraalPyInterpreter.of(python.context()));

    python.close();

    assertTrue(python.isClosed());
    assertTrue(python.interpreter().isClosed());
    assertTrue(ContextBindings.isClosed(python.context()));
    assertEquals(Optional.empty(), GraalPyInterpreter.of(python.context()));
    assertEquals(Optional.empty(), GraalPyInterpreter.of(python.interpreter()));
    assertEquals("GraalPyInterpreter[owned, closed]", python.toString());
    python.close(); // idempotent
  }

  @Test
  void bindLeavesTheContextToItsOwnerWhichMayBindItAgain() {
    try (Context context = python(engine).build()) {
      GraalPyInterpreter first = GraalPyInterpreter.bind("first", context);
      assertFalse(first.ownsContext());

      first.close();

      assertTrue(first.isClosed());
      assertEquals(2, context.eval("python", "1 + 1").asInt(), "the context is still open");
      try (GraalPyInterpreter second = GraalPyInterpreter.bind("second", context)) {
        assertEquals(Optional.of(second), GraalPyInterpreter.of(context));
      }
    }
  }

  @Test
  void ofFindsTheInterpreterByItsContextTheCurrentContextAndItsPyInterpreter() {
    try (GraalPyInterpreter python = GraalPyInterpreter.create("found", python(engine))) {
      try (GraalPyInterpreter.Scope scope = python.enter()) {
        Context current = Context.getCurrent();
        assertTrue(current != python.context() && current.equals(python.context()));
        assertEquals(Optional.of(python), GraalPyInterpreter.of(current));
      }
      assertEquals(Optional.of(python), GraalPyInterpreter.of(python.context()));
      assertEquals(Optional.of(python), GraalPyInterpreter.of(python.interpreter()));
      assertEquals(Optional.empty(), GraalPyInterpreter.of(PyInterpreter.create("found")));
    }
  }

  @Test
  void enterEntersTheContextAndTheInterpreterAndCloseLeavesBoth() {
    try (GraalPyInterpreter python = GraalPyInterpreter.create("entered", python(engine))) {
      assertNull(PyInterpreter.current());

      try (GraalPyInterpreter.Scope scope = python.enter()) {
        assertSame(python.interpreter(), PyInterpreter.current());
        assertEquals(python.context(), Context.getCurrent());
      }

      assertNull(PyInterpreter.current());
      assertThrows(IllegalStateException.class, Context::getCurrent, "the context was left");
    }
  }

  @Test
  void scopesNestAndMustBeClosedInnermostFirstOnTheirThread() throws Exception {
    try (GraalPyInterpreter outer = GraalPyInterpreter.create("outer", python(engine));
        GraalPyInterpreter inner = GraalPyInterpreter.create("inner", python(engine))) {
      GraalPyInterpreter.Scope outerScope = outer.enter();
      GraalPyInterpreter.Scope innerScope = inner.enter();

      IllegalStateException notInnermost =
          assertThrows(IllegalStateException.class, outerScope::close);
      assertTrue(notInnermost.getMessage().contains("not the innermost"), notInnermost.getMessage());
      Throwable otherThread =
          CompletableFuture.supplyAsync(
                  () -> assertThrows(IllegalStateException.class, innerScope::close))
              .get();
      assertTrue(otherThread.getMessage().contains("cannot be closed on thread"));
      assertSame(inner.interpreter(), PyInterpreter.current(), "nothing changed");
      assertEquals(inner.context(), Context.getCurrent());

      innerScope.close();
      innerScope.close(); // idempotent
      assertSame(outer.interpreter(), PyInterpreter.current());
      assertEquals(outer.context(), Context.getCurrent());

      outerScope.close();
      assertNull(PyInterpreter.current());
      assertThrows(IllegalStateException.class, Context::getCurrent);
    }
  }

  @Test
  void closingInsideItsOwnScopeLeavesTheScopeClosable() {
    GraalPyInterpreter python = GraalPyInterpreter.create("closed inside", python(engine));
    GraalPyInterpreter.Scope scope = python.enter();

    python.close();

    assertTrue(python.isClosed());
    assertSame(python.interpreter(), PyInterpreter.current(), "open scopes stay open");
    scope.close();
    assertNull(PyInterpreter.current());
    assertThrows(IllegalStateException.class, Context::getCurrent, "the context was left");
  }

  @Test
  void closeReleasesEveryValueCachedForTheInterpreter() throws Exception {
    HostEntry entry = HostEntry.create(); // one slot
    GraalPyInterpreter leaving = GraalPyInterpreter.create("leaving", python(engine));
    try (GraalPyInterpreter staying = GraalPyInterpreter.create("staying", python(engine))) {
      WeakReference<Value> cached = new WeakReference<>(entry.pyObjectIn(leaving.interpreter()));
      entry.pyObjectIn(staying.interpreter());
      entry.pyObjectIn(staying.interpreter());
      assertEquals(3, entry.explicitLookups.get(), "the only slot is leaving's");

      leaving.close();

      assertTrue(isCollected(cached), "leaving's value is no longer held by the slot");
      entry.pyObjectIn(staying.interpreter());
      entry.pyObjectIn(staying.interpreter());
      assertEquals(4, entry.explicitLookups.get(), "staying reclaimed the slot");
    }
  }

  @Test
  void closeClosesTheInterpreterEvenWhenTheContextRunsOnAnotherThread() throws Exception {
    HostEntry entry = HostEntry.create();
    GraalPyInterpreter python = GraalPyInterpreter.create("busy", python(engine));
    entry.pyObjectIn(python.interpreter());
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread user =
        new Thread(
            () -> {
              try (GraalPyInterpreter.Scope scope = python.enter()) {
                entered.countDown();
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    user.start();
    entered.await();

    assertThrows(IllegalStateException.class, python::close);

    assertTrue(python.interpreter().isClosed(), "the interpreter closes first");
    assertEquals(Optional.empty(), GraalPyInterpreter.of(python.context()));
    release.countDown();
    user.join();
    assertFalse(ContextBindings.isClosed(python.context()));
    python.close();
    assertTrue(ContextBindings.isClosed(python.context()));
  }

  @Test
  void isClosedSeesADirectlyClosedContextButClosesNothing() {
    GraalPyInterpreter python = GraalPyInterpreter.create("asked", python(engine));

    python.context().close();

    assertTrue(python.isClosed(), "its context is closed");
    assertFalse(python.interpreter().isClosed(), "a query: the interpreter is still open");
    assertSame(python, ContextBindings.get(python.context()), "still bound: nothing noticed it");
    python.close();
  }

  @Test
  void aContextClosedDirectlyClosesItsInterpreterWhenOfNoticesIt() {
    HostEntry entry = HostEntry.create(); // one slot
    GraalPyInterpreter python = GraalPyInterpreter.create("closed behind its back", python(engine));
    entry.pyObjectIn(python.interpreter());

    python.context().close();

    assertFalse(python.interpreter().isClosed(), "nobody has looked yet");
    assertEquals(Optional.empty(), GraalPyInterpreter.of(python.interpreter()));
    assertTrue(python.interpreter().isClosed());
    try (GraalPyInterpreter other = GraalPyInterpreter.create("other", python(engine))) {
      entry.pyObjectIn(other.interpreter());
      entry.pyObjectIn(other.interpreter());
      assertEquals(2, entry.explicitLookups.get(), "the slot was released and reclaimed");
    }
    python.close(); // closing it again is harmless
  }

  @Test
  void creatingAnInterpreterClosesThoseWhoseContextsWereClosedDirectly() {
    GraalPyInterpreter python = GraalPyInterpreter.create("closed directly", python(engine));
    python.context().close();

    GraalPyInterpreter.create("next", python(engine)).close();

    assertTrue(python.interpreter().isClosed());
  }

  @Test
  void aContextCancelledDirectlyIsClosedQuietlyWhenNoticed() {
    GraalPyInterpreter python = GraalPyInterpreter.create("cancelled", python(engine));

    python.context().close(true); // after which Context.close() throws "execution was cancelled"

    GraalPyInterpreter.create("next", python(engine)).close(); // notices it
    assertTrue(python.interpreter().isClosed());
    python.close(); // still idempotent
  }

  @Test
  void closingTheEngineClosesItsContextsAndTheirInterpretersWhenNoticed() {
    Engine ownEngine = GraalPyContexts.newEngine();
    GraalPyInterpreter python = GraalPyInterpreter.create("on its own engine", python(ownEngine));

    ownEngine.close();

    IllegalStateException e = assertThrows(IllegalStateException.class, python::enter);
    assertEquals(
        "cannot enter GraalPyInterpreter[on its own engine]: its context was closed without closing"
            + " it first",
        e.getMessage());
    assertTrue(python.isClosed());
    assertTrue(python.interpreter().isClosed());
    python.close();
  }

  @Test
  void anInterpreterClosedDirectlyCachesNothingAndCloseStillClosesTheContext() {
    GraalPyInterpreter python = GraalPyInterpreter.create("interpreter first", python(engine));

    python.interpreter().close();

    assertTrue(python.isClosed());
    assertThrows(IllegalStateException.class, python::enter);
    assertFalse(ContextBindings.isClosed(python.context()));
    python.close();
    assertTrue(ContextBindings.isClosed(python.context()));
  }

  @Test
  void nullArgumentsAreNamed() {
    Context.Builder builder = python(engine);
    assertEquals(
        "name",
        assertThrows(NullPointerException.class, () -> GraalPyInterpreter.create(null, builder))
            .getMessage());
    assertEquals(
        "builder",
        assertThrows(NullPointerException.class, () -> GraalPyInterpreter.create("x", null))
            .getMessage());
    assertEquals(
        "context",
        assertThrows(NullPointerException.class, () -> GraalPyInterpreter.bind("x", null))
            .getMessage());
    assertEquals(
        "context",
        assertThrows(NullPointerException.class, () -> GraalPyInterpreter.of((Context) null))
            .getMessage());
    assertEquals(
        "interpreter",
        assertThrows(NullPointerException.class, () -> GraalPyInterpreter.of((PyInterpreter) null))
            .getMessage());
  }

  @Test
  void aClosedContextCannotBeBound() {
    Context context = python(engine).build();
    context.close();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GraalPyInterpreter.bind("late", context));
    assertEquals("context is closed: cannot bind late", e.getMessage());
  }

  @Test
  void aContextIsBoundOnceAtATime() {
    try (GraalPyInterpreter first = GraalPyInterpreter.create("first", python(engine))) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> GraalPyInterpreter.bind("second", first.context()));
      assertEquals(
          "context is already bound to GraalPyInterpreter[first]: GraalPyInterpreter.of(context)"
              + " finds it",
          e.getMessage());
      assertEquals(Optional.of(first), GraalPyInterpreter.of(first.context()));
    }
  }

  @Test
  void aClosedInterpreterCannotBeEntered() {
    GraalPyInterpreter python = GraalPyInterpreter.create("done", python(engine));
    python.close();

    IllegalStateException e = assertThrows(IllegalStateException.class, python::enter);
    assertEquals("cannot enter closed GraalPyInterpreter[done, closed]", e.getMessage());
    assertThrows(IllegalStateException.class, Context::getCurrent, "nothing was entered");
  }
}

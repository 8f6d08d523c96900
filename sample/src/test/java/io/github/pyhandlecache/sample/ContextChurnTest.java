package io.github.pyhandlecache.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.sample.ContextChurn.Closing;
import io.github.pyhandlecache.sample.ContextChurn.Result;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Section 5 of the sample's README, asserted: closing interpreters releases what the caches hold
 * for them, and with it their contexts' heaps; closing only the contexts does not (the control that
 * shows the measurement sees a leak where there is one).
 */
class ContextChurnTest {
  private static final long CONTEXT_DATA_BYTES = ContextChurn.PYTHON_DATA_MIB * 1024L * 1024;

  private static Engine engine;

  @BeforeAll
  static void startEngine() {
    engine = SampleEngine.create();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @Test
  void closingEachInterpreterReleasesItsValuesAndItsContextsHeap() {
    Result result = ContextChurn.run(engine, Closing.INTERPRETER);

    assertEquals(
        ContextChurn.CONTEXTS * ContextChurn.TOUCHED_ENTRIES,
        result.cachedValues(),
        "every closed interpreter's slots were free again for the next one");
    assertEquals(0, result.reachableValues(), "no closed context's value is reachable");
    assertTrue(
        result.retainedBytes() < 3 * CONTEXT_DATA_BYTES,
        "retained " + result.retainedBytes() + " bytes, 3 contexts' data is " + 3 * CONTEXT_DATA_BYTES);
  }

  @Test
  void closingOnlyTheContextsKeepsTheirHeapsReachableThroughTheCaches() {
    Result result = ContextChurn.run(engine, Closing.CONTEXT_ONLY);

    assertTrue(result.reachableValues() > 0);
    assertEquals(result.cachedValues(), result.reachableValues());
    assertTrue(
        result.retainedBytes() > ContextChurn.CONTEXTS / 2 * CONTEXT_DATA_BYTES,
        "retained " + result.retainedBytes() + " bytes");
    assertTrue(
        result.retainedWithoutEntriesBytes() < 3 * CONTEXT_DATA_BYTES,
        "the entries' caches were what held them: " + result.retainedWithoutEntriesBytes());
  }
}

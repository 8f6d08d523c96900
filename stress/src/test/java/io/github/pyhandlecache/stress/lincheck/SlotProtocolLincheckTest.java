package io.github.pyhandlecache.stress.lincheck;

import java.util.List;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;

/**
 * Model checking of the slot protocol with Lincheck (stress/README.md, "Model checking"): {@link
 * ClaimModel} and {@link ReleaseModel} on a {@code PyHandleCache} with one and two slots and on
 * classes the processor generated, with one, two and three slots.
 *
 * <p>Each check runs the races of the jcstress tests first ({@link Races}), then random scenarios:
 * two threads of two operations, after one operation (none for claims, which race on empty slots)
 * and before one. Lincheck explores up to {@code lincheck.invocations} interleavings of each
 * scenario (100) and runs {@code lincheck.iterations} random scenarios (10): about 30 seconds for
 * all on two cores. Lincheck seeds its scenarios and its choice of interleavings, so every run
 * checks the same ones; {@code -Dlincheck.iterations=200} checks more.
 */
class SlotProtocolLincheckTest {
  private static void checkClaims(Class<? extends ClaimModel> model) {
    check(model, Races.ofClaims(model), 0);
  }

  private static void checkRelease(Class<? extends ReleaseModel> model) {
    check(model, Races.ofRelease(model), 1);
  }

  private static void check(Class<?> model, List<ExecutionScenario> races, int actorsBefore) {
    ModelCheckingOptions options = new ModelCheckingOptions();
    races.forEach(options::addCustomScenario);
    options
        .iterations(Integer.getInteger("lincheck.iterations", 10))
        .invocationsPerIteration(Integer.getInteger("lincheck.invocations", 100))
        .threads(2)
        .actorsPerThread(2)
        .actorsBefore(actorsBefore)
        .actorsAfter(1)
        .check(model);
  }

  @Test
  void claimsOnPyHandleCacheWithOneSlot() {
    checkClaims(ClaimsOnCacheWithOneSlot.class);
  }

  @Test
  void claimsOnPyHandleCacheWithTwoSlots() {
    checkClaims(ClaimsOnCacheWithTwoSlots.class);
  }

  @Test
  void claimsOnGeneratedClassWithOneSlot() {
    checkClaims(ClaimsOnGeneratedOneSlot.class);
  }

  @Test
  void claimsOnGeneratedClassWithThreeSlots() {
    checkClaims(ClaimsOnGeneratedThreeSlots.class);
  }

  @Test
  void releaseOnPyHandleCacheWithOneSlot() {
    checkRelease(ReleaseOnCacheWithOneSlot.class);
  }

  @Test
  void releaseOnPyHandleCacheWithTwoSlots() {
    checkRelease(ReleaseOnCacheWithTwoSlots.class);
  }

  @Test
  void releaseOnGeneratedClassWithTwoSlots() {
    checkRelease(ReleaseOnGeneratedTwoSlots.class);
  }

  public static final class ClaimsOnCacheWithOneSlot extends ClaimModel {
    public ClaimsOnCacheWithOneSlot() {
      super(CacheHost.withSlots(1));
    }
  }

  public static final class ClaimsOnCacheWithTwoSlots extends ClaimModel {
    public ClaimsOnCacheWithTwoSlots() {
      super(CacheHost.withSlots(2));
    }
  }

  public static final class ClaimsOnGeneratedOneSlot extends ClaimModel {
    public ClaimsOnGeneratedOneSlot() {
      super(OneSlotHost::create);
    }
  }

  public static final class ClaimsOnGeneratedThreeSlots extends ClaimModel {
    public ClaimsOnGeneratedThreeSlots() {
      super(ThreeSlotsHost::create);
    }
  }

  public static final class ReleaseOnCacheWithOneSlot extends ReleaseModel {
    public ReleaseOnCacheWithOneSlot() {
      super(CacheHost.withSlots(1));
    }
  }

  public static final class ReleaseOnCacheWithTwoSlots extends ReleaseModel {
    public ReleaseOnCacheWithTwoSlots() {
      super(CacheHost.withSlots(2));
    }
  }

  public static final class ReleaseOnGeneratedTwoSlots extends ReleaseModel {
    public ReleaseOnGeneratedTwoSlots() {
      super(TwoSlotsHost::create);
    }
  }
}

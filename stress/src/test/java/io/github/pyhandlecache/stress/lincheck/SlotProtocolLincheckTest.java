package io.github.pyhandlecache.stress.lincheck;

import java.util.List;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.util.LoggingLevel;
import org.junit.jupiter.api.Test;

/**
 * Model checking of the slot protocol with Lincheck: {@link ClaimModel} and {@link ReleaseModel} on
 * a {@code PyHandleCache} with one and two slots and on classes the processor generated.
 */
class SlotProtocolLincheckTest {
  @SuppressWarnings("unchecked")
  private static void check(Class<? extends SlotModel> model) {
    boolean claims = ClaimModel.class.isAssignableFrom(model);
    ModelCheckingOptions options = new ModelCheckingOptions();
    if (!Boolean.getBoolean("lincheck.randomOnly")) {
      List<ExecutionScenario> races = claims
          ? Races.ofClaims((Class<? extends ClaimModel>) model)
          : Races.ofRelease((Class<? extends ReleaseModel>) model);
      races.forEach(options::addCustomScenario);
    }
    options
        .iterations(Integer.getInteger("lincheck.iterations", 10))
        .invocationsPerIteration(Integer.getInteger("lincheck.invocations", 100))
        .threads(2)
        .actorsPerThread(Integer.getInteger("lincheck.actors", 2))
        .actorsBefore(claims ? 0 : Integer.getInteger("lincheck.before", 1))
        .actorsAfter(Integer.getInteger("lincheck.after", 1))
        .logLevel(Boolean.getBoolean("lincheck.log") ? LoggingLevel.INFO : LoggingLevel.WARN)
        .check(model);
  }

  @Test
  void claimsOnPyHandleCacheWithOneSlot() {
    check(ClaimsOnCacheWithOneSlot.class);
  }

  @Test
  void claimsOnPyHandleCacheWithTwoSlots() {
    check(ClaimsOnCacheWithTwoSlots.class);
  }

  @Test
  void claimsOnGeneratedClassWithOneSlot() {
    check(ClaimsOnGeneratedOneSlot.class);
  }

  @Test
  void claimsOnGeneratedClassWithThreeSlots() {
    check(ClaimsOnGeneratedThreeSlots.class);
  }

  @Test
  void releaseOnPyHandleCacheWithOneSlot() {
    check(ReleaseOnCacheWithOneSlot.class);
  }

  @Test
  void releaseOnPyHandleCacheWithTwoSlots() {
    check(ReleaseOnCacheWithTwoSlots.class);
  }

  @Test
  void releaseOnGeneratedClassWithTwoSlots() {
    check(ReleaseOnGeneratedTwoSlots.class);
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

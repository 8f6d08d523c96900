package io.github.pyhandlecache.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pyhandlecache.runtime.internal.AccessorSlots;
import org.junit.jupiter.api.Test;

/**
 * The slot limit is one number: the processor, which cannot depend on the runtime at run time,
 * keeps a copy that must equal the runtime's (README, "Rules, checked at compile time").
 */
class SlotLimitTest {
  @Test
  void theProcessorsLimitIsTheRuntimes() {
    assertEquals(AccessorSlots.MAX_SLOTS, CachedAnnotation.MAX_SLOTS);
  }

  @Test
  void theGeneratedProtocolIsTheRuntimes() throws ReflectiveOperationException {
    var protocol = AccessorSlots.class.getDeclaredField("PROTOCOL");
    protocol.setAccessible(true);
    assertEquals(protocol.getInt(null), RuntimeNames.PROTOCOL);
  }
}

package io.github.pyhandlecache.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.junit.jupiter.api.Test;

/** The claim protocol on fields, as generated code uses it. */
class SlotTagsTest {
  private static final VarHandle TAG_0;
  private static final VarHandle TAG_1;
  private static final VarHandle NOT_A_TAG;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      TAG_0 = lookup.findVarHandle(SlotTagsTest.class, "tag0", PyInterpreter.class);
      TAG_1 = lookup.findVarHandle(SlotTagsTest.class, "tag1", PyInterpreter.class);
      NOT_A_TAG = lookup.findVarHandle(SlotTagsTest.class, "notATag", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through TAG_0
  private PyInterpreter tag0;

  @SuppressWarnings("unused") // accessed through TAG_1
  private PyInterpreter tag1;

  @SuppressWarnings("unused") // accessed through NOT_A_TAG
  private Object notATag;

  private final SlotTags tags = SlotTags.ofFields(TAG_0, TAG_1);
  private final PyInterpreter a = PyInterpreter.create("a");
  private final PyInterpreter b = PyInterpreter.create("b");

  @Test
  void claimThenPublish() {
    int slot = tags.claim(this, a);
    assertEquals(0, slot);
    assertEquals(a.claimMarker, tag0, "held by a's marker until published");
    assertEquals(SlotTags.NO_SLOT, tags.slotOwnedBy(this, a));
    tags.publish(this, slot, a);
    assertEquals(0, tags.slotOwnedBy(this, a));
    assertTrue(tags.isStillOwnedBy(this, 0, a));
    assertEquals(SlotTags.NO_SLOT, tags.claim(this, a), "a owns a slot already");
    assertEquals(1, tags.claim(this, b));
  }

  @Test
  void closedInterpreterDoesNotClaimAndItsSlotIsReclaimed() {
    tags.publish(this, tags.claim(this, a), a);
    tags.publish(this, tags.claim(this, b), b);
    a.close();
    assertEquals(SlotTags.NO_SLOT, tags.claim(this, a));
    PyInterpreter c = PyInterpreter.create("c");
    assertEquals(0, tags.claim(this, c), "a's slot");
  }

  @Test
  void nullClaimsNothing() {
    assertEquals(SlotTags.NO_SLOT, tags.claim(this, null));
    assertEquals(SlotTags.NO_SLOT, tags.slotOwnedBy(this, null));
  }

  @Test
  void rejectsHandlesThatAreNotTags() {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> SlotTags.ofFields(NOT_A_TAG));
    assertTrue(thrown.getMessage().startsWith("not a PyInterpreter instance field: "));
    assertEquals(
        "slots must be between 1 and 16, got 0",
        assertThrows(IllegalArgumentException.class, SlotTags::ofFields).getMessage());
  }
}

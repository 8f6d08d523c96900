package io.github.pyhandlecache.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MissEventsTest {
  @Test
  void withoutARecordingAMissBeginsNoEvents() {
    assertNull(MissEvents.begin());
  }
}

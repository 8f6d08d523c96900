package io.github.pyhandlecache.stress.lincheck;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * Calls alone, of two interpreters: claims racing claims of the same interpreter and of another,
 * where nothing is ever closed, so that every call must return its interpreter's slot value if it
 * owns one (Identity, Isolation; {@link SlotModel}).
 */
public abstract class ClaimModel extends SlotModel {
  ClaimModel(ModelHost.Factory hosts) {
    super(hosts);
  }

  @Operation
  public void get(@Param(gen = IntGen.class, conf = "0:1") int i) {
    callAndCheck(i);
  }
}

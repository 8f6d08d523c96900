package io.github.pyhandlecache.stress.lincheck;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * Calls and {@code close(i)} of three interpreters: claims racing a close of their own interpreter
 * or of a slot's owner, and reclaims (Release, and Identity and Isolation around it; {@link
 * SlotModel}).
 */
public abstract class ReleaseModel extends SlotModel {
  ReleaseModel(ModelHost.Factory hosts) {
    super(hosts);
  }

  @Operation
  public void get(@Param(gen = IntGen.class, conf = "0:2") int i) {
    callAndCheck(i);
  }

  @Operation
  public void close(@Param(gen = IntGen.class, conf = "0:2") int i) {
    closeAndCheck(i);
  }
}

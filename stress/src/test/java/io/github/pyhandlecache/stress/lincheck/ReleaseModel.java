package io.github.pyhandlecache.stress.lincheck;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/** {@link ClaimModel} with {@code close(i)}: the Release guarantee, and the others around it. */
public abstract class ReleaseModel extends ClaimModel {
  ReleaseModel(ModelHost.Factory hosts) {
    super(hosts);
  }

  @Operation
  public void close(@Param(gen = IntGen.class, conf = "0:2") int i) {
    closeAndCheck(i);
  }
}

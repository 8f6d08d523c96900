package io.github.pyhandlecache.processor.generated;

import io.github.pyhandlecache.runtime.PyInterpreter;

/**
 * What {@link AccessorInliningTest} runs in a JVM of its own: objects whose caches miss once each
 * while the JIT compiles their accessors (as an application's objects do when first used), then
 * hot loops of hits over them, whose compilation decides whether to inline each accessor: both
 * forms, with one slot ({@link OperatorEntry}) and two ({@link FaultTarget}).
 */
final class InliningProgram {
  private static final int OBJECTS = 20_000;
  private static final int WALKS = 300;

  private InliningProgram() {}

  public static void main(String[] args) {
    PyInterpreter interpreter = PyInterpreter.create("main");
    OperatorEntry[] entries = new OperatorEntry[OBJECTS];
    FaultTarget[] targets = new FaultTarget[OBJECTS];
    try (PyInterpreter.Scope scope = interpreter.enter()) {
      for (int i = 0; i < OBJECTS; i++) {
        entries[i] = OperatorEntry.create("aten::op" + i);
        check(entries[i].pythonOp(interpreter) == entries[i].pythonOp(interpreter));
        check(entries[i].pyObject() == entries[i].pyObject());
        targets[i] = FaultTarget.create();
        check(targets[i].explicitHandle(interpreter) == targets[i].explicitHandle(interpreter));
        check(targets[i].implicitHandle() == targets[i].implicitHandle());
      }
      int hits = 0;
      for (int walk = 0; walk < WALKS; walk++) {
        hits += walkExplicit(entries, interpreter) + walkImplicit(entries)
            + walkTwoSlotsExplicit(targets, interpreter) + walkTwoSlotsImplicit(targets);
      }
      System.out.println("hits: " + hits);
    }
  }

  private static int walkTwoSlotsExplicit(FaultTarget[] targets, PyInterpreter interpreter) {
    int hits = 0;
    for (FaultTarget target : targets) {
      hits += target.explicitHandle(interpreter) != null ? 1 : 0;
    }
    return hits;
  }

  private static int walkTwoSlotsImplicit(FaultTarget[] targets) {
    int hits = 0;
    for (FaultTarget target : targets) {
      hits += target.implicitHandle() != null ? 1 : 0;
    }
    return hits;
  }

  // One loop per accessor, so that each call site sees one class and its compilation decides for
  // that accessor alone.
  private static int walkExplicit(OperatorEntry[] entries, PyInterpreter interpreter) {
    int hits = 0;
    for (OperatorEntry entry : entries) {
      hits += entry.pythonOp(interpreter) != null ? 1 : 0;
    }
    return hits;
  }

  private static int walkImplicit(OperatorEntry[] entries) {
    int hits = 0;
    for (OperatorEntry entry : entries) {
      hits += entry.pyObject() != null ? 1 : 0;
    }
    return hits;
  }

  private static void check(boolean cached) {
    if (!cached) {
      throw new AssertionError("not cached");
    }
  }
}

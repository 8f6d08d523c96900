package io.github.pyhandlecache.stress.host;

import io.github.pyhandlecache.runtime.PyHandleCache;
import io.github.pyhandlecache.runtime.PyInterpreter;

/** A host that caches its handle in a {@link PyHandleCache}, as code without the processor does. */
public final class PyHandleCacheHost extends HandleHost {
  private final PyHandleCache<Handle> handles;

  private PyHandleCacheHost(int slots) {
    this.handles = new PyHandleCache<>(slots);
  }

  /** Returns a host whose cache has {@code slots} slots, all empty. */
  public static HandleHost withSlots(int slots) {
    return new PyHandleCacheHost(slots);
  }

  @Override
  public Handle handle(PyInterpreter interpreter) {
    return handles.getOr(interpreter, () -> computeHandle(interpreter));
  }

  @Override
  protected String slotOwners() {
    return handles.toString().substring("PyHandleCache".length());
  }
}

package io.github.pyhandlecache.runtime;

/** Records {@link PyInterpreter#close()}'s release as an event, when a recording wants it. */
final class ReleaseRecorder {
  private ReleaseRecorder() {}

  static CacheEvents.Release begin(PyInterpreter closing) {
    CacheEvents.Release event = new CacheEvents.Release();
    if (!event.isEnabled()) {
      return null;
    }
    event.interpreter = closing.name();
    event.begin();
    return event;
  }

  static void end(CacheEvents.Release event, int released) {
    if (event != null) {
      event.end();
      if (event.shouldCommit()) {
        event.released = released;
        event.commit();
      }
    }
  }
}

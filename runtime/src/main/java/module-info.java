/**
 * The run-time half of pyhandlecache: {@link io.github.pyhandlecache.runtime.PyInterpreter} and
 * {@link io.github.pyhandlecache.runtime.PyHandleCache}; the SPI {@link
 * io.github.pyhandlecache.runtime.spi.InterpreterLookup} for engine modules; and, in {@code
 * io.github.pyhandlecache.runtime.internal}, the slot protocol that generated code calls (not an
 * API). It records JDK Flight Recorder events on misses, never on hits; {@code jdk.jfr} is part of
 * the JDK, so the runtime still has no dependency.
 */
module io.github.pyhandlecache.runtime {
  requires jdk.jfr;

  exports io.github.pyhandlecache.runtime;
  exports io.github.pyhandlecache.runtime.internal;
  exports io.github.pyhandlecache.runtime.spi;

  uses io.github.pyhandlecache.runtime.spi.InterpreterLookup;
}

/**
 * {@link io.github.pyhandlecache.runtime.PyInterpreter}, {@link
 * io.github.pyhandlecache.runtime.PyHandleCache}, the SPI for engine modules, and what generated
 * code calls ({@code runtime.internal}, not an API). No dependency but the JDK ({@code jdk.jfr}).
 */
module io.github.pyhandlecache.runtime {
  requires jdk.jfr;
  exports io.github.pyhandlecache.runtime;
  exports io.github.pyhandlecache.runtime.internal;
  exports io.github.pyhandlecache.runtime.spi;
  uses io.github.pyhandlecache.runtime.spi.InterpreterLookup;
}

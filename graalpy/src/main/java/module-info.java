/**
 * A {@link io.github.pyhandlecache.runtime.PyInterpreter} bound to a GraalPy (polyglot) {@link
 * org.graalvm.polyglot.Context}: {@link io.github.pyhandlecache.graalpy.GraalPyInterpreter}. Its
 * {@link io.github.pyhandlecache.runtime.spi.InterpreterLookup} makes the interpreter of the context
 * a thread is in current, so that Python code calling back into Java hits the cache of its own
 * interpreter. The GraalVM Polyglot API and Truffle are not brought along: the application's
 * GraalPy provides them.
 */
module io.github.pyhandlecache.graalpy {
  requires transitive io.github.pyhandlecache.runtime;
  requires transitive org.graalvm.polyglot;
  requires org.graalvm.truffle; // the instrument that follows which context each thread is in

  exports io.github.pyhandlecache.graalpy;

  provides io.github.pyhandlecache.runtime.spi.InterpreterLookup with
      io.github.pyhandlecache.graalpy.internal.CurrentContextLookup;
  provides com.oracle.truffle.api.instrumentation.provider.TruffleInstrumentProvider with
      io.github.pyhandlecache.graalpy.internal.ContextTrackingInstrumentProvider;
}

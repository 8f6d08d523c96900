/**
 * The run-time half of pyhandlecache: {@link io.github.pyhandlecache.runtime.PyInterpreter}, {@link
 * io.github.pyhandlecache.runtime.PyHandleCache}, and the slot protocol that generated code calls.
 */
module io.github.pyhandlecache.runtime {
  exports io.github.pyhandlecache.runtime;
}

/** The {@code @PyHandleCached} annotation; needed at compile time only. */
module io.github.pyhandlecache.annotations {
  exports io.github.pyhandlecache.annotations;
}

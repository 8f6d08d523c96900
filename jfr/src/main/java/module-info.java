/**
 * The report over JDK Flight Recorder recordings of pyhandlecache: {@link
 * io.github.pyhandlecache.jfr.CacheEventSummary}, per accessor, with advice. Needs nothing but the
 * JDK: {@code java -jar pyhandlecache-jfr.jar rec.jfr}.
 */
module io.github.pyhandlecache.jfr {
  requires jdk.jfr;

  exports io.github.pyhandlecache.jfr;
}

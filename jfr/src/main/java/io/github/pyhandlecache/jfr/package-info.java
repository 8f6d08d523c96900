/**
 * Reading the JDK Flight Recorder events of the cache: their {@linkplain CacheEventNames names},
 * and a {@linkplain CacheEventSummary summary} of a recording, per accessor, with advice, that
 * needs no tool but the JDK.
 */
package io.github.pyhandlecache.jfr;

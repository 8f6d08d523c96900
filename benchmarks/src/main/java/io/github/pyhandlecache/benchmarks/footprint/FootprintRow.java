package io.github.pyhandlecache.benchmarks.footprint;

/**
 * What one cache adds to a host object, in bytes.
 *
 * @param cache the kind of cache
 * @param value the cached value's type
 * @param slots how many interpreters it can serve at once (0: untagged, one value for all)
 * @param state {@code empty} (nothing cached yet), {@code claimed by N} or {@code filled}
 * @param fieldBytes the widths of the fields it adds to the host, before alignment
 * @param instanceBytes what it adds to the host's instance size, after 8-byte alignment
 * @param tableBytes the shallow size of this project's slot table, 0 if none (or another cache)
 * @param retainedBytes what it adds in all: the instance growth and the objects the cache
 *     allocates for this host (not the values, not the interpreters nor their registrations)
 * @param previousFieldBytes what the previous protocol's inline slots (a tag and a value field per
 *     slot) add to the host for the same accessor, before alignment; -1 for other caches
 */
public record FootprintRow(String cache, String value, int slots, String state, long fieldBytes,
    long instanceBytes, long tableBytes, long retainedBytes, long previousFieldBytes) {}

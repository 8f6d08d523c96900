package io.github.pyhandlecache.benchmarks.footprint;

/**
 * What one cache adds to a host object, in bytes.
 *
 * @param cache the kind of cache
 * @param value the cached value's type
 * @param slots how many interpreters it can serve at once (0: untagged, one value for all)
 * @param state {@code unclaimed}, {@code claimed by N} (this project) or {@code filled} (others)
 * @param fieldBytes the widths of the fields it adds to the host, before alignment
 * @param instanceBytes what it adds to the host's instance size, after 8-byte alignment
 * @param tableBytes the shallow size of this project's slot table, which the host's constructor
 *     allocates; 0 for other caches
 * @param registrationBytes the shallow size of the host's registration (a weak reference, made by
 *     the first claim and shared by every interpreter that claims); 0 if none
 * @param entryBytes what the claiming interpreters' registration arrays hold for the host: one
 *     reference each
 * @param retainedBytes what it adds in all: for this project the sum of the above, for the others
 *     the instance growth and the objects the cache allocates for this host (JOL's graph); never
 *     the values or the interpreters
 */
public record FootprintRow(String cache, String value, int slots, String state, long fieldBytes,
    long instanceBytes, long tableBytes, long registrationBytes, long entryBytes,
    long retainedBytes) {}

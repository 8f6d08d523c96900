package io.github.pyhandlecache.benchmarks.footprint;

/**
 * What one cache adds to a host object holding one cached value per slot, in bytes.
 *
 * @param cache the kind of cache
 * @param value the cached value's type
 * @param slots how many interpreters it can serve at once (0: untagged, one value for all)
 * @param fieldBytes the widths of the fields it adds, before alignment
 * @param instanceBytes what it adds to the instance size, after 8-byte alignment
 * @param retainedBytes what it adds in all, counting the objects it allocates (not the values)
 */
public record FootprintRow(
    String cache, String value, int slots, long fieldBytes, long instanceBytes, long retainedBytes) {
  /** Field bytes per slot, for a cache that has slots; the untagged caches count as one. */
  public double fieldBytesPerSlot() {
    return (double) fieldBytes / Math.max(1, slots);
  }
}

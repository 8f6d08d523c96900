package io.github.pyhandlecache.benchmarks.footprint;

/**
 * What a claim costs beyond its slot table, and what a release allocates, in bytes.
 *
 * @param registrationBytes what an interpreter holds per claim until it closes: {@code
 *     referenceBytes + nodeBytes}
 * @param referenceBytes the shallow size of the runtime's {@code OwnedSlots$Registration} (a {@code
 *     WeakReference} to the host and the accessor's slots)
 * @param nodeBytes the shallow size of a {@code ConcurrentLinkedQueue} node holding it
 * @param claims how many first claims (and released slots) the allocations are averaged over
 * @param allocatedPerClaim bytes a first claim of a 1-slot accessor allocates beyond its slow
 *     accessor (measured with the thread's allocation counter)
 * @param tableBytes of those, the 1-slot table that the claim installs
 * @param allocatedPerReleasedSlot bytes {@code close()} allocates per slot it releases
 */
public record ClaimCosts(long registrationBytes, long referenceBytes, long nodeBytes, int claims,
    double allocatedPerClaim, long tableBytes, double allocatedPerReleasedSlot) {}

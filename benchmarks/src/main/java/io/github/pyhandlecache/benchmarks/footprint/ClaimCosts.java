package io.github.pyhandlecache.benchmarks.footprint;

/**
 * What a claim allocates and registers, and what a release allocates, in bytes.
 *
 * @param registrationBytes the shallow size of the runtime's {@code Registrations$HostRef}, one
 *     per claimed host
 * @param entryBytes one element of an interpreter's registration array: a reference
 * @param claimObjectBytes the shallow size of a {@code Claim}, a slot's tag while the claim is
 *     pending, garbage once it completes
 * @param tableBytes the shallow size of a 1-slot table, allocated by the host's constructor and by
 *     each release
 * @param claims how many first claims (and released slots) the allocations are averaged over
 * @param allocatedPerClaim bytes a first claim of a 1-slot accessor allocates beyond its slow
 *     accessor (the thread's allocation counter)
 * @param allocatedPerReleasedSlot bytes {@code close()} allocates per slot it releases
 */
public record ClaimCosts(long registrationBytes, long entryBytes, long claimObjectBytes,
    long tableBytes, int claims, double allocatedPerClaim, double allocatedPerReleasedSlot) {}

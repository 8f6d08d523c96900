/**
 * Host objects of one shape, a {@code final String name} and one cache, for the benchmarks that
 * measure at scale: the scale report (a million hosts: heap per host and cost of a claim) and the
 * registry walk (hits on hosts that are not in the CPU's caches). Every slow accessor returns the
 * host's name, an object that exists anyway, so that what is measured is the cache's own work and
 * memory, not a value's.
 *
 * <p>{@link PlainHost} has no cache (the baseline); {@link FieldHost} holds its value in a final
 * field (the floor of a hit); {@link SeedHost} and {@link InlineValidatedHost} are earlier
 * protocols' hits by hand; {@link OneSlotHost} and {@link FourSlotHost} are this project's,
 * generated; {@link PreviousOneSlotHost} and {@link PreviousFourSlotHost} are the previous
 * protocol's ({@link PreviousProtocol}), by hand; {@link TokenOneSlotHost} and {@link
 * TokenFourSlotHost} are a candidate layout ({@link TokenProtocol}), by hand.
 */
package io.github.pyhandlecache.benchmarks.hosts;

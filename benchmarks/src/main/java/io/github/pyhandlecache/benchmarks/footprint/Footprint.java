package io.github.pyhandlecache.benchmarks.footprint;

import java.util.List;

/** The footprint report: what each cache adds to a host object, and what a claim costs. */
public record Footprint(List<FootprintRow> rows, ClaimCosts claim) {}

package io.github.pyhandlecache.benchmarks.report;

/**
 * The machine a run measured on, as {@code benchmarks/run} described it when the run started.
 *
 * @param date when the run started, UTC
 * @param cpu the CPU's model name
 * @param cores how many cores the run could use ({@code nproc})
 * @param memoryGib the machine's memory
 * @param os the operating system and kernel
 * @param loadAverage the 1, 5 and 15 minute load averages when the run started
 */
record Machine(String date, String cpu, int cores, int memoryGib, String os, String loadAverage) {}

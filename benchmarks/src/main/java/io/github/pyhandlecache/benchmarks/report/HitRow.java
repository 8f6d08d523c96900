package io.github.pyhandlecache.benchmarks.report;

import java.awt.Color;

/** The rows of the hit table and chart, in page order: a HitBenchmark method each. */
enum HitRow {
  PLAIN_FINAL_FIELD("plainFinalField", "plain final field", Group.FLOOR),
  VOLATILE_FIELD("volatileField", "volatile field", Group.FLOOR),
  SEED_PROTOCOL("seedProtocol", "seed's protocol by hand (racy)", Group.FLOOR),
  INLINE_VALIDATED("inlineValidated", "inline validated by hand, 1 slot", Group.EARLIER),
  INLINE_VALIDATED_FOUR_SLOTS_LAST("inlineValidatedFourSlotsLast",
      "inline validated by hand, 4 slots, hit on 4th", Group.EARLIER),
  GENERATED_EXPLICIT("generatedExplicit", "@PyHandleCached, explicit, 1 slot", Group.PROJECT),
  GENERATED_IMPLICIT("generatedImplicit", "@PyHandleCached, getter, entered scope",
      Group.PROJECT),
  PREVIOUS_GETTER("previousGetter", "getter as in b193d66: its current() by hand, explicit hit",
      Group.PROJECT),
  FOUR_SLOTS_FIRST_CLAIMER("generatedFourSlotsFirstClaimer",
      "@PyHandleCached, 4 slots, 1st claimer", Group.PROJECT),
  FOUR_SLOTS_FOURTH_CLAIMER("generatedFourSlotsFourthClaimer",
      "@PyHandleCached, 4 slots, 4th claimer", Group.PROJECT),
  FOUR_SLOTS_PREFERRED_TAKEN("generatedFourSlotsPreferredTaken",
      "@PyHandleCached, 4 slots, preferred slot taken", Group.PROJECT),
  GET_OR("pyHandleCacheGetOr", "PyHandleCache<T>.getOr", Group.PROJECT),
  AUTO_VALUE("autoValueMemoized", "AutoValue @Memoized", Group.ALTERNATIVE),
  LOMBOK("lombokLazyGetter", "Lombok @Getter(lazy = true)", Group.ALTERNATIVE),
  IMMUTABLES("immutablesLazy", "Immutables @Value.Lazy", Group.ALTERNATIVE),
  CONCURRENT_HASH_MAP("concurrentHashMap", "per-object ConcurrentHashMap", Group.ALTERNATIVE),
  CLASS_VALUE("classValue", "ClassValue (per class)", Group.ALTERNATIVE),
  THREAD_LOCAL("threadLocal", "per-object ThreadLocal", Group.ALTERNATIVE);

  final String method;
  final String label;
  final Group group;

  HitRow(String method, String label, Group group) {
    this.method = method;
    this.label = label;
    this.group = group;
  }

  enum Group {
    FLOOR("floor", new Color(0x9E9E9E)),
    EARLIER("earlier protocol (inline validated)", new Color(0x8C6BB1)),
    PROJECT("pyhandlecache", new Color(0x1F77B4)),
    ALTERNATIVE("alternative", new Color(0xFF7F0E));

    final String label;
    final Color color;

    Group(String label, Color color) {
      this.label = label;
      this.color = color;
    }
  }
}

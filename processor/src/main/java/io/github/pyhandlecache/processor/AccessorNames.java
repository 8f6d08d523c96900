package io.github.pyhandlecache.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Names of the members generated for one accessor, all derived from one unique base name. */
final class AccessorNames {
  private final String base;
  private final String constantBase;

  AccessorNames(String base) {
    this.base = base;
    this.constantBase = base.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /** Every name {@link AccessorNames} gives out for {@code base} and that many slots. */
  static List<String> memberNames(String base, int slots) {
    AccessorNames names = new AccessorNames(base);
    List<String> all = new ArrayList<>();
    for (int slot = 0; slot < slots; slot++) {
      all.add(names.tagField(slot));
      all.add(names.valueField(slot));
      all.add(names.tagHandle(slot));
      all.add(names.valueHandle(slot));
    }
    all.add(names.slotTags());
    all.add(names.valueHandles());
    all.add(names.missMethod());
    return all;
  }

  String tagField(int slot) {
    return base + "Tag" + slot;
  }

  String valueField(int slot) {
    return base + "Value" + slot;
  }

  String tagHandle(int slot) {
    return constantBase + "_TAG_" + slot;
  }

  String valueHandle(int slot) {
    return constantBase + "_VALUE_" + slot;
  }

  String slotTags() {
    return constantBase + "_SLOTS";
  }

  String valueHandles() {
    return constantBase + "_VALUES";
  }

  String missMethod() {
    return base + "Miss";
  }
}

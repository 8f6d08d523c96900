package io.github.pyhandlecache.processor;

import java.util.List;
import java.util.Locale;

/**
 * Names of the members generated for one accessor, all derived from one base name: the method's
 * name, or the method's name and a number when that would clash with a member of the user's class
 * or another accessor's (the class Javadoc lists which base name belongs to which accessor).
 */
final class AccessorNames {
  private final String base;
  private final String constantBase;

  AccessorNames(String base) {
    this.base = base;
    this.constantBase = base.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /** Every name {@link AccessorNames} gives out for {@code base}. */
  static List<String> memberNames(String base) {
    AccessorNames names = new AccessorNames(base);
    return List.of(
        names.tableField(), names.tableHandle(), names.slots(), names.tableClass(), names.missMethod());
  }

  String base() {
    return base;
  }

  /** The instance field that holds the object's table. */
  String tableField() {
    return base + "Table";
  }

  /** The VarHandle of {@link #tableField()}. */
  String tableHandle() {
    return constantBase + "_TABLE";
  }

  /** The runtime's {@code AccessorSlots} for this accessor. */
  String slots() {
    return constantBase + "_SLOTS";
  }

  /** The nested class of the tables. */
  String tableClass() {
    return Character.toUpperCase(base.charAt(0)) + base.substring(1) + "Table";
  }

  String missMethod() {
    return base + "Miss";
  }
}

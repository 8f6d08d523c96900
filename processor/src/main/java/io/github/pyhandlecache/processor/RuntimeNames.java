package io.github.pyhandlecache.processor;

import com.palantir.javapoet.ClassName;

/** The runtime types that generated code refers to. */
final class RuntimeNames {
  private static final String PACKAGE = "io.github.pyhandlecache.runtime";

  static final ClassName INTERPRETER = ClassName.get(PACKAGE, "PyInterpreter");
  static final ClassName ACCESSOR_SLOTS = ClassName.get(PACKAGE, "AccessorSlots");
  static final ClassName SLOT_TABLE = ClassName.get(PACKAGE, "SlotTable");
  static final ClassName MISS_EVENTS = ClassName.get(PACKAGE, "MissEvents");

  /** The slot protocol generated code speaks: AccessorSlots.PROTOCOL of the matching runtime. */
  static final int PROTOCOL = 1;

  private RuntimeNames() {}
}

package io.github.pyhandlecache.processor;

import com.palantir.javapoet.ClassName;

/** The runtime types that generated code refers to. */
final class RuntimeNames {
  private static final String PACKAGE = "io.github.pyhandlecache.runtime";
  private static final String INTERNAL = PACKAGE + ".internal";

  static final ClassName INTERPRETER = ClassName.get(PACKAGE, "PyInterpreter");
  static final ClassName ACCESSOR_SLOTS = ClassName.get(INTERNAL, "AccessorSlots");
  static final ClassName SLOT_TABLE = ClassName.get(INTERNAL, "SlotTable");
  static final ClassName CLAIM = ClassName.get(INTERNAL, "Claim");
  static final ClassName MISS_EVENTS = ClassName.get(INTERNAL, "MissEvents");
  static final ClassName THREAD_STATE = ClassName.get(INTERNAL, "ThreadState");

  /** The slot protocol generated code speaks: AccessorSlots.PROTOCOL of the matching runtime. */
  static final int PROTOCOL = 6;

  private RuntimeNames() {}
}

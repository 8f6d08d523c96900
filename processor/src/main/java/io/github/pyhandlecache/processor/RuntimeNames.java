package io.github.pyhandlecache.processor;

import com.palantir.javapoet.ClassName;

/** The runtime types that generated code refers to. */
final class RuntimeNames {
  private static final String PACKAGE = "io.github.pyhandlecache.runtime";

  static final ClassName INTERPRETER = ClassName.get(PACKAGE, "PyInterpreter");
  static final ClassName SLOT_TAGS = ClassName.get(PACKAGE, "SlotTags");

  private RuntimeNames() {}
}

package io.github.pyhandlecache.processor;

import com.palantir.javapoet.ClassName;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * The names of the classes generated so far, and whose they are. {@code Outer.Inner} and
 * {@code Outer_Inner} both map to {@code PyHandleCached_Outer_Inner}: the first to claim it keeps
 * it, in any round.
 */
final class GeneratedNames {
  /** User classes by qualified name, keyed by the qualified name of their generated class. */
  private final Map<String, String> owners = new HashMap<>();

  /**
   * Claims {@code generatedName} for {@code type}. Returns the qualified name of the other class
   * that already holds it, if there is one.
   */
  Optional<String> claim(ClassName generatedName, TypeElement type) {
    String owner = type.getQualifiedName().toString();
    String previous = owners.putIfAbsent(generatedName.canonicalName(), owner);
    return previous == null || previous.equals(owner) ? Optional.empty() : Optional.of(previous);
  }
}

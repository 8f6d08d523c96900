package io.github.pyhandlecache.processor;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks the rules for a type that declares {@code @PyHandleCached} methods: the processor must be
 * able to subclass it in its own package. Reports one error per broken rule, on the type.
 */
final class CachedClassValidator {
  private static final String SUBJECT = "class with " + CachedAnnotation.SIMPLE_NAME + " methods";

  private final Elements elements;
  private final Diagnostics diagnostics;

  CachedClassValidator(Elements elements, Diagnostics diagnostics) {
    this.elements = elements;
    this.diagnostics = diagnostics;
  }

  /** Returns whether {@code type} breaks no rule; reports each broken one on it. */
  boolean validate(TypeElement type) {
    if (type.getKind() != ElementKind.CLASS) {
      diagnostics.error(
          type,
          CachedAnnotation.SIMPLE_NAME + " methods must be in a class, not "
              + describeKind(type.getKind()));
      return false; // the other rules are about classes
    }
    int errorsBefore = diagnostics.errorCount();
    if (type.getModifiers().contains(Modifier.FINAL)) {
      diagnostics.error(type, SUBJECT + " must not be final");
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      diagnostics.error(type, SUBJECT + " must not be an inner class; make it static");
    }
    if (isPrivateOrInPrivate(type)) {
      diagnostics.error(type, SUBJECT + " must not be private or nested in a private class");
    }
    if (ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .allMatch(constructor -> constructor.getModifiers().contains(Modifier.PRIVATE))) {
      diagnostics.error(type, SUBJECT + " must have a non-private constructor");
    }
    unimplementedAbstractMethod(type)
        .ifPresent(
            method ->
                diagnostics.error(
                    type,
                    SUBJECT + " must implement abstract method " + method + " of "
                        + ((TypeElement) method.getEnclosingElement()).getQualifiedName()));
    return diagnostics.errorCount() == errorsBefore;
  }

  private static String describeKind(ElementKind kind) {
    switch (kind) {
      case INTERFACE:
        return "an interface";
      case ENUM:
        return "an enum";
      case ANNOTATION_TYPE:
        return "an annotation type";
      case RECORD:
        return "a record";
      default:
        return "a " + kind.name().toLowerCase(Locale.ROOT);
    }
  }

  private static boolean isPrivateOrInPrivate(TypeElement type) {
    for (Element element = type;
        element.getKind().isClass() || element.getKind().isInterface();
        element = element.getEnclosingElement()) {
      if (element.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns an abstract method the generated subclass would have to implement. Abstract
   * {@code @PyHandleCached} methods are left out: the method rule already reports them.
   */
  private Optional<ExecutableElement> unimplementedAbstractMethod(TypeElement type) {
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(type));
    for (ExecutableElement method : methods) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)
          && !CachedAnnotation.isOn(method)
          && methods.stream().noneMatch(other -> implementsMethod(other, method, type))) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }

  private boolean implementsMethod(ExecutableElement candidate, ExecutableElement method, TypeElement type) {
    return candidate != method
        && !candidate.getModifiers().contains(Modifier.ABSTRACT)
        && elements.overrides(candidate, method, type);
  }
}

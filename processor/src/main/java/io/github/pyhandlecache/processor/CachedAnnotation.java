package io.github.pyhandlecache.processor;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** {@code @PyHandleCached} as the processor sees it: by name, so the annotations jar is not needed. */
final class CachedAnnotation {
  static final String NAME = "io.github.pyhandlecache.annotations.PyHandleCached";
  static final String SIMPLE_NAME = "@PyHandleCached";
  static final int MIN_SLOTS = 1;
  static final int MAX_SLOTS = 16;

  private CachedAnnotation() {}

  /** Returns the {@code @PyHandleCached} annotation on {@code element}, if it has one. */
  static Optional<AnnotationMirror> on(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(NAME)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  static boolean isOn(Element element) {
    return on(element).isPresent();
  }

  /**
   * Returns whether javac resolved {@code slots} on {@code mirror} to an int. If not, javac
   * reports the value itself ("cannot find symbol", "incompatible types"), or resolves it in a
   * later round if another processor generates the constant it names.
   */
  static boolean hasResolvedSlots(AnnotationMirror mirror, Elements elements) {
    return slotsValue(mirror, elements).getValue() instanceof Integer;
  }

  /** Returns the value of {@code slots}, with its default; {@link #hasResolvedSlots} holds. */
  static int slots(AnnotationMirror mirror, Elements elements) {
    return (Integer) slotsValue(mirror, elements).getValue();
  }

  static AnnotationValue slotsValue(AnnotationMirror mirror, Elements elements) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("slots")) {
        return entry.getValue();
      }
    }
    throw new IllegalStateException("no slots() in " + mirror);
  }
}

package io.github.pyhandlecache.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports errors on elements, and counts them so that validators can tell what they found. */
final class Diagnostics {
  private final Messager messager;
  private int errorCount;

  Diagnostics(Messager messager) {
    this.messager = messager;
  }

  void error(Element element, String message) {
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    errorCount++;
  }

  void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
    errorCount++;
  }

  int errorCount() {
    return errorCount;
  }
}

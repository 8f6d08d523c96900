package io.github.pyhandlecache.processor;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks the rules for a {@code @PyHandleCached} method; reports one error per broken rule. */
final class AccessorValidator {
  private static final String SUBJECT = CachedAnnotation.SIMPLE_NAME + " method";

  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;

  AccessorValidator(Elements elements, Types types, Diagnostics diagnostics) {
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /** Returns whether {@code method} breaks no rule; reports each broken one on it. */
  boolean validate(ExecutableElement method, AnnotationMirror annotation) {
    int errorsBefore = diagnostics.errorCount();
    Set<Modifier> modifiers = method.getModifiers();
    for (Modifier forbidden :
        List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL, Modifier.ABSTRACT)) {
      if (modifiers.contains(forbidden)) {
        diagnostics.error(method, SUBJECT + " must not be " + forbidden);
      }
    }
    if (!method.getTypeParameters().isEmpty()) {
      diagnostics.error(method, SUBJECT + " must not have type parameters");
    }
    if (method.getReturnType().getKind() == TypeKind.VOID) {
      diagnostics.error(method, SUBJECT + " must not return void");
    }
    if (!hasNoneOrOneInterpreterParameter(method)) {
      diagnostics.error(
          method, SUBJECT + " must have no parameter or one parameter of type PyInterpreter");
    }
    AnnotationValue slotsValue = CachedAnnotation.slotsValue(annotation, elements);
    int slots = (Integer) slotsValue.getValue();
    if (slots < CachedAnnotation.MIN_SLOTS || slots > CachedAnnotation.MAX_SLOTS) {
      diagnostics.error(
          method,
          annotation,
          slotsValue,
          CachedAnnotation.SIMPLE_NAME + " slots must be between " + CachedAnnotation.MIN_SLOTS
              + " and " + CachedAnnotation.MAX_SLOTS + ", but is " + slots);
    }
    return diagnostics.errorCount() == errorsBefore;
  }

  private boolean hasNoneOrOneInterpreterParameter(ExecutableElement method) {
    List<? extends VariableElement> parameters = method.getParameters();
    return parameters.isEmpty()
        || (parameters.size() == 1 && isInterpreter(parameters.get(0).asType()));
  }

  private boolean isInterpreter(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && elements.getTypeElement(RuntimeNames.INTERPRETER.canonicalName()) != null
        && types.isSameType(
            type, elements.getTypeElement(RuntimeNames.INTERPRETER.canonicalName()).asType());
  }
}

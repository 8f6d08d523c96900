package io.github.pyhandlecache.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * The lint warnings that generated code would cause only because of the user's value type: a cast
 * of a VarHandle read to a non-reifiable type is unchecked, and a raw type in the signature is
 * reported again on the override. The user's own declaration already carries the same warning.
 */
final class TypeWarnings {
  private TypeWarnings() {}

  static List<String> of(TypeMirror valueType) {
    List<String> warnings = new ArrayList<>();
    if (!isReifiable(valueType)) {
      warnings.add("unchecked");
    }
    if (mentionsRawType(valueType)) {
      warnings.add("rawtypes");
    }
    return warnings;
  }

  static AnnotationSpec suppress(List<String> warnings) {
    List<CodeBlock> values = new ArrayList<>();
    for (String warning : warnings) {
      values.add(CodeBlock.of("$S", warning));
    }
    return AnnotationSpec.builder(SuppressWarnings.class)
        .addMember("value", values.size() == 1 ? "$L" : "{$L}", CodeBlock.join(values, ", "))
        .build();
  }

  /** JLS 4.7. */
  static boolean isReifiable(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return isReifiable(((ArrayType) type).getComponentType());
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        for (TypeMirror argument : declared.getTypeArguments()) {
          if (argument.getKind() != TypeKind.WILDCARD || !isUnbounded((WildcardType) argument)) {
            return false;
          }
        }
        return declared.getEnclosingType().getKind() == TypeKind.NONE
            || isReifiable(declared.getEnclosingType());
      case TYPEVAR:
      case INTERSECTION:
        return false;
      default:
        return true; // primitives
    }
  }

  private static boolean isUnbounded(WildcardType wildcard) {
    return wildcard.getExtendsBound() == null && wildcard.getSuperBound() == null;
  }

  static boolean mentionsRawType(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return mentionsRawType(((ArrayType) type).getComponentType());
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        if (declared.getTypeArguments().isEmpty() && !element.getTypeParameters().isEmpty()) {
          return true;
        }
        return declared.getTypeArguments().stream().anyMatch(TypeWarnings::mentionsRawType);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() != null && mentionsRawType(wildcard.getExtendsBound()))
            || (wildcard.getSuperBound() != null && mentionsRawType(wildcard.getSuperBound()));
      default:
        return false;
    }
  }
}

package io.github.pyhandlecache.processor;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ErrorType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.SimpleTypeVisitor9;

/**
 * Finds types that javac could not resolve (yet) in what the generated class depends on. Such a
 * class waits for a later round, when another processor may have generated the missing type.
 */
final class UnresolvedTypes {
  private UnresolvedTypes() {}

  /** Returns whether the class's supertypes or type parameters mention an unresolved type. */
  static boolean inClass(TypeElement type) {
    if (anyIn(type.getSuperclass()) || type.getInterfaces().stream().anyMatch(UnresolvedTypes::anyIn)) {
      return true;
    }
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      if (parameter.getBounds().stream().anyMatch(UnresolvedTypes::anyIn)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether the signature of {@code executable} mentions an unresolved type. */
  static boolean inSignature(ExecutableElement executable) {
    if (anyIn(executable.getReturnType())
        || executable.getThrownTypes().stream().anyMatch(UnresolvedTypes::anyIn)) {
      return true;
    }
    for (VariableElement parameter : executable.getParameters()) {
      if (anyIn(parameter.asType())) {
        return true;
      }
    }
    for (TypeParameterElement parameter : executable.getTypeParameters()) {
      if (parameter.getBounds().stream().anyMatch(UnresolvedTypes::anyIn)) {
        return true;
      }
    }
    return false;
  }

  static boolean anyIn(TypeMirror type) {
    return type.accept(new Finder(), null);
  }

  private static final class Finder extends SimpleTypeVisitor9<Boolean, Void> {
    /** Type variables already entered: bounds like {@code T extends Comparable<T>} recurse. */
    private final Set<TypeVariable> visiting = new HashSet<>();

    Finder() {
      super(false);
    }

    @Override
    public Boolean visitError(ErrorType type, Void unused) {
      return true;
    }

    @Override
    public Boolean visitDeclared(DeclaredType type, Void unused) {
      if (type.getKind() == TypeKind.ERROR) {
        return true;
      }
      for (TypeMirror argument : type.getTypeArguments()) {
        if (argument.accept(this, null)) {
          return true;
        }
      }
      return type.getEnclosingType().accept(this, null);
    }

    @Override
    public Boolean visitArray(ArrayType type, Void unused) {
      return type.getComponentType().accept(this, null);
    }

    @Override
    public Boolean visitTypeVariable(TypeVariable type, Void unused) {
      if (!visiting.add(type)) {
        return false;
      }
      return type.getUpperBound().accept(this, null) || type.getLowerBound().accept(this, null);
    }

    @Override
    public Boolean visitWildcard(WildcardType type, Void unused) {
      return (type.getExtendsBound() != null && type.getExtendsBound().accept(this, null))
          || (type.getSuperBound() != null && type.getSuperBound().accept(this, null));
    }

    @Override
    public Boolean visitIntersection(IntersectionType type, Void unused) {
      for (TypeMirror bound : type.getBounds()) {
        if (bound.accept(this, null)) {
          return true;
        }
      }
      return false;
    }
  }
}

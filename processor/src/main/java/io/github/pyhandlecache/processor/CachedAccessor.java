package io.github.pyhandlecache.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @PyHandleCached} method of a class to generate.
 *
 * @param method the slow accessor, declared in the class or inherited by it
 * @param type its type as a member of the class (type arguments of generic superclasses applied)
 * @param slots how many slots it has
 * @param names the names of the generated members that belong to it
 */
record CachedAccessor(ExecutableElement method, ExecutableType type, int slots, AccessorNames names) {
  /** Returns whether the interpreter is the method's parameter, rather than the current one. */
  boolean isExplicit() {
    return !method.getParameters().isEmpty();
  }

  TypeMirror valueType() {
    return type.getReturnType();
  }

  String methodName() {
    return method.getSimpleName().toString();
  }
}

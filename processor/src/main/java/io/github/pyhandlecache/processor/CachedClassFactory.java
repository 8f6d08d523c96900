package io.github.pyhandlecache.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Builds the model of a class to generate from the user's class. */
final class CachedClassFactory {
  static final String GENERATED_PREFIX = "PyHandleCached_";

  private final Elements elements;
  private final Types types;

  CachedClassFactory(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * Returns the {@code @PyHandleCached} methods that {@code type} declares or inherits without
   * overriding: its own first, in source order, then those of each superclass, nearest first.
   */
  List<ExecutableElement> cachedMethodsOf(TypeElement type) {
    List<ExecutableElement> members = ElementFilter.methodsIn(elements.getAllMembers(type));
    List<ExecutableElement> cached = new ArrayList<>();
    for (TypeElement declaring = type; declaring != null; declaring = superclassOf(declaring)) {
      for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
        if (CachedAnnotation.isOn(method)
            && (declaring == type || isInheritedWithoutOverride(method, type, members))) {
          cached.add(method);
        }
      }
    }
    return cached;
  }

  /** Returns the model of {@code PyHandleCached_Foo}; the methods and the class are valid. */
  CachedClass create(TypeElement type, List<ExecutableElement> cachedMethods) {
    DeclaredType declaredType = (DeclaredType) type.asType();
    Set<String> takenNames = memberNamesOf(type);
    takenNames.add(type.getSimpleName().toString()); // a nested table class must not shadow it
    List<CachedAccessor> accessors = new ArrayList<>();
    for (ExecutableElement method : cachedMethods) {
      int slots = CachedAnnotation.slots(CachedAnnotation.on(method).orElseThrow(), elements);
      ExecutableType memberType = (ExecutableType) types.asMemberOf(declaredType, method);
      String baseName = uniqueBaseName(method.getSimpleName().toString(), takenNames);
      accessors.add(
          new CachedAccessor(method, memberType, slots, new AccessorNames(baseName)));
    }
    List<ExecutableElement> constructors = new ArrayList<>();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
        constructors.add(constructor);
      }
    }
    return new CachedClass(type, generatedName(type), constructors, accessors, isSerializable(type));
  }

  /** {@code PyHandleCached_Foo}, or {@code PyHandleCached_Outer_Inner} for a nested class. */
  ClassName generatedName(TypeElement type) {
    ClassName userName = ClassName.get(type);
    return ClassName.get(
        userName.packageName(), GENERATED_PREFIX + String.join("_", userName.simpleNames()));
  }

  private boolean isInheritedWithoutOverride(
      ExecutableElement method, TypeElement type, List<ExecutableElement> members) {
    Set<Modifier> modifiers = method.getModifiers();
    if (modifiers.contains(Modifier.PRIVATE)) {
      return false;
    }
    boolean packagePrivate =
        !modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.PROTECTED);
    if (packagePrivate && !packageOf(method).equals(packageOf(type))) {
      return false; // not inherited, by JLS 8.4.8
    }
    for (ExecutableElement member : members) {
      if (member != method
          && member.getEnclosingElement() != method.getEnclosingElement()
          && elements.overrides(member, method, type)) {
        return false;
      }
    }
    return true;
  }

  private PackageElement packageOf(Element element) {
    return elements.getPackageOf(element);
  }

  private static TypeElement superclassOf(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) superclass).asElement()
        : null;
  }

  private Set<String> memberNamesOf(TypeElement type) {
    Set<String> names = new HashSet<>();
    for (Element member : elements.getAllMembers(type)) {
      names.add(member.getSimpleName().toString());
    }
    return names;
  }

  /**
   * Returns a prefix for the accessor's generated members that collides with no member of the
   * user's class (a private method would clash with an inherited one) and no other accessor's.
   */
  private static String uniqueBaseName(String methodName, Set<String> takenNames) {
    for (int suffix = 1; ; suffix++) {
      String baseName = suffix == 1 ? methodName : methodName + suffix;
      List<String> derived = AccessorNames.memberNames(baseName);
      if (derived.stream().noneMatch(takenNames::contains)) {
        takenNames.addAll(derived);
        return baseName;
      }
    }
  }

  private boolean isSerializable(TypeElement type) {
    TypeElement serializable = elements.getTypeElement("java.io.Serializable");
    return serializable != null
        && types.isAssignable(types.erasure(type.asType()), serializable.asType());
  }
}

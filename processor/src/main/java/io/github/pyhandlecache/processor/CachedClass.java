package io.github.pyhandlecache.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A class to generate: the subclass of {@code type} that caches its accessors.
 *
 * @param type the user's class
 * @param generatedName {@code PyHandleCached_Foo}, in the package of {@code type}
 * @param constructors the non-private constructors of {@code type}, to mirror
 * @param accessors the cached methods, declared or inherited
 * @param serializable whether {@code type} is {@code Serializable}
 */
record CachedClass(
    TypeElement type,
    ClassName generatedName,
    List<ExecutableElement> constructors,
    List<CachedAccessor> accessors,
    boolean serializable) {}

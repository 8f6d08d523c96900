package io.github.pyhandlecache.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code PyHandleCached_Foo} for every class {@code Foo} that declares a
 * {@code @PyHandleCached} method. A class whose signatures or {@code slots} values mention what
 * does not exist yet waits for a later round; a class or method that breaks a rule, or whose
 * generated name another class has taken, gets errors and no file.
 */
@AutoService(Processor.class)
public final class PyHandleCacheProcessor extends AbstractProcessor {
  /** Classes waiting for unresolved types or values, by name: elements do not outlive a round. */
  private final Set<String> deferredClassNames = new LinkedHashSet<>();

  /** The generated names claimed so far, in every round: two classes never share one. */
  private final GeneratedNames generatedNames = new GeneratedNames();

  /** Whether each cached method, by {@link #key}, passed validation; each is validated once. */
  private final Map<String, Boolean> validatedMethods = new HashMap<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(CachedAnnotation.NAME);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<String> classNames = new LinkedHashSet<>(deferredClassNames);
    deferredClassNames.clear();
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(CachedAnnotation.NAME);
    if (annotation != null) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        Element enclosing = element.getEnclosingElement();
        if (enclosing instanceof TypeElement) {
          classNames.add(((TypeElement) enclosing).getQualifiedName().toString());
        }
      }
    }
    for (String className : classNames) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(className);
      if (type != null) {
        processSafely(type, round.processingOver());
      }
    }
    // Claimed: no other processor has a use for it, and -Xlint:processing stays quiet about it.
    return true;
  }

  private void processSafely(TypeElement type, boolean lastRound) {
    Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
    try {
      processClass(type, lastRound, diagnostics);
    } catch (RuntimeException e) { // a bug: every input we can foresee has its own message
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      diagnostics.error(
          type,
          CachedAnnotation.SIMPLE_NAME + " processor failed on " + type.getQualifiedName()
              + "; please report this bug: " + trace);
    }
  }

  private void processClass(TypeElement type, boolean lastRound, Diagnostics diagnostics) {
    Elements elements = processingEnv.getElementUtils();
    Types types = processingEnv.getTypeUtils();
    CachedClassFactory factory = new CachedClassFactory(elements, types);
    List<ExecutableElement> cachedMethods = factory.cachedMethodsOf(type);
    if (mentionsUnresolvedTypes(type, cachedMethods)) {
      if (lastRound) {
        diagnostics.error(
            type,
            "did not generate " + factory.generatedName(type).simpleName()
                + " because " + type.getSimpleName() + " refers to types that do not exist");
      } else {
        deferredClassNames.add(type.getQualifiedName().toString());
      }
      return;
    }
    if (!hasResolvedAnnotationValues(cachedMethods, elements)) {
      if (!lastRound) {
        deferredClassNames.add(type.getQualifiedName().toString());
      }
      return; // javac reports the value it cannot resolve: a second error would say less
    }
    AccessorValidator accessorValidator = new AccessorValidator(elements, types, diagnostics);
    boolean valid = new CachedClassValidator(elements, diagnostics).validate(type);
    for (ExecutableElement method : cachedMethods) {
      valid &=
          validatedMethods.computeIfAbsent(
              key(method),
              unused -> accessorValidator.validate(method, CachedAnnotation.on(method).orElseThrow()));
    }
    if (!valid) {
      return;
    }
    ClassName generatedName = factory.generatedName(type);
    Optional<String> rival = generatedNames.claim(generatedName, type);
    if (rival.isPresent()) {
      diagnostics.error(
          type,
          generatedName.simpleName() + " would be generated for both " + rival.get() + " and "
              + type.getQualifiedName() + "; rename one of them");
      return;
    }
    CachedClass cached = factory.create(type, cachedMethods);
    try {
      new CachedClassWriter(generatedAnnotation(elements))
          .write(cached)
          .writeTo(processingEnv.getFiler());
    } catch (IOException e) { // e.g. another processor has written a type of that name
      diagnostics.error(type, "cannot write " + generatedName + ": " + e.getMessage());
    }
  }

  private static boolean hasResolvedAnnotationValues(
      List<ExecutableElement> cachedMethods, Elements elements) {
    return cachedMethods.stream()
        .allMatch(
            method ->
                CachedAnnotation.hasResolvedSlots(CachedAnnotation.on(method).orElseThrow(), elements));
  }

  private static boolean mentionsUnresolvedTypes(
      TypeElement type, List<ExecutableElement> cachedMethods) {
    return UnresolvedTypes.inClass(type)
        || ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .anyMatch(UnresolvedTypes::inSignature)
        || cachedMethods.stream().anyMatch(UnresolvedTypes::inSignature);
  }

  private Optional<ClassName> generatedAnnotation(Elements elements) {
    return elements.getTypeElement("javax.annotation.processing.Generated") == null
        ? Optional.empty()
        : Optional.of(ClassName.get("javax.annotation.processing", "Generated"));
  }

  private static String key(ExecutableElement method) {
    return ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "#" + method;
  }
}

package io.github.pyhandlecache.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/** Writes {@code PyHandleCached_Foo} from its model. */
final class CachedClassWriter {
  private final Optional<ClassName> generatedAnnotation;

  /**
   * @param generatedAnnotation {@code javax.annotation.processing.Generated}, if the target has it
   */
  CachedClassWriter(Optional<ClassName> generatedAnnotation) {
    this.generatedAnnotation = generatedAnnotation;
  }

  JavaFile write(CachedClass cached) {
    TypeElement type = cached.type();
    TypeSpec.Builder generated =
        TypeSpec.classBuilder(cached.generatedName())
            .addOriginatingElement(type)
            .addModifiers(Modifier.FINAL)
            .superclass(TypeName.get(type.asType()))
            .addJavadoc(javadoc(cached));
    generatedAnnotation.ifPresent(
        name ->
            generated.addAnnotation(
                AnnotationSpec.builder(name)
                    .addMember("value", "$S", PyHandleCacheProcessor.class.getName())
                    .build()));
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      generated.addTypeVariable(TypeVariableName.get(parameter));
    }
    if (cached.serializable()) {
      generated.addField(
          FieldSpec.builder(
                  long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer("1L")
              .build());
    }

    List<AccessorWriter> accessors = new ArrayList<>();
    for (CachedAccessor accessor : cached.accessors()) {
      accessors.add(new AccessorWriter(accessor, cached.generatedName(), ownerName(type)));
    }
    accessors.forEach(accessor -> generated.addFields(accessor.fields()));
    generated.addStaticBlock(staticInitializer(cached.generatedName(), accessors));
    for (ExecutableElement constructor : cached.constructors()) {
      generated.addMethod(mirror(constructor, accessors));
    }
    for (AccessorWriter accessor : accessors) {
      generated.addMethod(accessor.override());
      generated.addMethod(accessor.missMethod());
    }
    for (AccessorWriter accessor : accessors) {
      generated.addType(accessor.tableClass());
    }
    return JavaFile.builder(cached.generatedName().packageName(), generated.build())
        .skipJavaLangImports(true)
        .build();
  }

  /** {@code Foo}, or {@code Outer.Inner}: how events name the class. */
  private static String ownerName(TypeElement type) {
    return String.join(".", ClassName.get(type).simpleNames());
  }

  private static CodeBlock javadoc(CachedClass cached) {
    CodeBlock.Builder javadoc =
        CodeBlock.builder()
            .add(
                "Caches the values of {@link $T}'s $L per interpreter, each in the members\n",
                ClassName.get(cached.type()),
                cached.accessors().size() == 1 ? "accessor" : "accessors")
            .add("named after it:\n<ul>\n");
    for (CachedAccessor accessor : cached.accessors()) {
      AccessorNames names = accessor.names();
      javadoc.add(
          "  <li>{@code $L}, $L $L: {@code $N}, {@code $N}, {@code $N}, {@code $N}, {@code $N}\n",
          AccessorWriter.signature(accessor),
          accessor.slots(),
          accessor.slots() == 1 ? "slot" : "slots",
          names.tableField(),
          names.tableHandle(),
          names.slots(),
          names.missMethod(),
          names.tableClass());
    }
    return javadoc
        .add("</ul>\n")
        .add("\n<p>Each slot is a tag, the interpreter that owns it, and a value. An object holds\n")
        .add("a table of each accessor's slots, allocated with it, whose slots are written once;\n")
        .add("releasing a slot replaces the table whole. A hit is an acquire load of the table,\n")
        .add("an acquire load of a tag and a compare; a miss runs the slow accessor and may claim\n")
        .add("a slot. The protocol and its memory-ordering argument are in {@link $T}.\n",
            RuntimeNames.ACCESSOR_SLOTS)
        .add("\n<p>VarHandle calls name only {@code Object} and {@code SlotTable}, not this file's\n")
        .add("types: javac looks each call's signature up among all those it has seen, one by\n")
        .add("one, so that signatures of every file's own would make a build of many classes\n")
        .add("quadratic.\n")
        .build();
  }

  private static CodeBlock staticInitializer(ClassName generatedName, List<AccessorWriter> accessors) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement(
                "$T.requireProtocol($L, $S, $T.class)",
                RuntimeNames.ACCESSOR_SLOTS,
                RuntimeNames.PROTOCOL,
                ProcessorVersion.get(),
                generatedName)
            .beginControlFlow("try")
            .addStatement(
                "$T lookup = $T.lookup()", MethodHandles.Lookup.class, MethodHandles.class);
    accessors.forEach(accessor -> code.add(accessor.findVarHandle("lookup")));
    code.nextControlFlow("catch ($T e)", ReflectiveOperationException.class)
        .addStatement("throw new $T(e)", ExceptionInInitializerError.class)
        .endControlFlow();
    accessors.forEach(accessor -> code.add(accessor.createSlots()));
    return code.build();
  }

  /**
   * A constructor with the same parameters, type parameters and throws, that calls super, then
   * allocates the object's tables.
   */
  private MethodSpec mirror(ExecutableElement constructor, List<AccessorWriter> accessors) {
    MethodSpec.Builder mirror = MethodSpec.constructorBuilder().varargs(constructor.isVarArgs());
    for (TypeParameterElement parameter : constructor.getTypeParameters()) {
      mirror.addTypeVariable(TypeVariableName.get(parameter));
    }
    List<CodeBlock> arguments = new ArrayList<>();
    for (VariableElement parameter : constructor.getParameters()) {
      String name = parameter.getSimpleName().toString();
      mirror.addParameter(ParameterSpec.builder(TypeName.get(parameter.asType()), name).build());
      arguments.add(CodeBlock.of("$N", name));
    }
    for (TypeMirror thrown : constructor.getThrownTypes()) {
      mirror.addException(TypeName.get(thrown));
    }
    List<TypeMirror> parameterTypes = new ArrayList<>();
    constructor.getParameters().forEach(parameter -> parameterTypes.add(parameter.asType()));
    List<String> suppressed = new ArrayList<>();
    if (constructor.isVarArgs()
        && !TypeWarnings.isReifiable(parameterTypes.get(parameterTypes.size() - 1))) {
      // The array is only passed on: heap pollution, if any, is the super constructor's.
      mirror.addAnnotation(SafeVarargs.class);
      suppressed.add("varargs");
    }
    if (parameterTypes.stream().anyMatch(TypeWarnings::mentionsRawType)) {
      suppressed.add("rawtypes");
    }
    if (!suppressed.isEmpty()) {
      mirror.addAnnotation(TypeWarnings.suppress(suppressed));
    }
    mirror
        .addStatement("super($L)", CodeBlock.join(arguments, ", "))
        .addComment("Tables are allocated with the object, so that a hit reads memory next to it.");
    accessors.forEach(accessor -> mirror.addCode(accessor.allocateTable()));
    return mirror.build();
  }
}

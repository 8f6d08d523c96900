package io.github.pyhandlecache.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the nested class of one accessor's slot tables: {@code slots} pairs of final fields
 * {@code tagK} and {@code valueK}, the value typed exactly (a primitive is never boxed). A value
 * type that is not reifiable, or is raw, makes the class generic in {@code V}, since a static
 * nested class cannot name the generated class's type variables.
 */
final class SlotTableWriter {
  private static final ClassName INTERPRETER = RuntimeNames.INTERPRETER;
  private static final TypeVariableName V = TypeVariableName.get("V");

  private final int slots;
  private final TypeMirror valueMirror;
  private final ClassName rawType;
  private final boolean generic;
  /** The value type as fields of the nested class see it. */
  private final TypeName fieldType;

  SlotTableWriter(CachedAccessor accessor, ClassName rawType) {
    this.slots = accessor.slots();
    this.valueMirror = accessor.valueType();
    this.rawType = rawType;
    this.generic =
        !valueMirror.getKind().isPrimitive()
            && (!TypeWarnings.isReifiable(valueMirror) || TypeWarnings.mentionsRawType(valueMirror));
    this.fieldType = generic ? V : TypeName.get(valueMirror);
  }

  static String tag(int slot) {
    return "tag" + slot;
  }

  static String value(int slot) {
    return "value" + slot;
  }

  boolean isGeneric() {
    return generic;
  }

  ClassName rawType() {
    return rawType;
  }

  /** The type of the accessor's field: the class, parameterized with the value type if generic. */
  TypeName type() {
    return generic ? ParameterizedTypeName.get(rawType, TypeName.get(valueMirror)) : rawType;
  }

  /** The field's class with a wildcard, {@code XTable<?>}: what a hit reads a generic table as. */
  TypeName wildcardType() {
    return ParameterizedTypeName.get(rawType, WildcardTypeName.subtypeOf(Object.class));
  }

  CodeBlock newEmpty() {
    return CodeBlock.of("new $T$L()", rawType, generic ? "<>" : "");
  }

  CodeBlock newClaim(String interpreter, String value) {
    return CodeBlock.of("new $T$L($N, $N)", rawType, generic ? "<>" : "", interpreter, value);
  }

  TypeSpec write(String accessorJavadoc) {
    TypeName self = generic ? ParameterizedTypeName.get(rawType, V) : rawType;
    TypeSpec.Builder table =
        TypeSpec.classBuilder(rawType)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .superclass(RuntimeNames.SLOT_TABLE)
            .addJavadoc("The slots of $L: an immutable table that AccessorSlots replaces whole.\n",
                accessorJavadoc);
    if (generic) {
      table.addTypeVariable(V);
    }
    for (int slot = 0; slot < slots; slot++) {
      table.addField(FieldSpec.builder(INTERPRETER, tag(slot), Modifier.FINAL).build());
      table.addField(FieldSpec.builder(fieldType, value(slot), Modifier.FINAL).build());
    }

    MethodSpec.Builder empty = MethodSpec.constructorBuilder().addJavadoc("All slots empty.\n");
    MethodSpec.Builder claim =
        MethodSpec.constructorBuilder()
            .addJavadoc("Slot 0 claimed for {@code tag} with {@code value}, the others empty.\n")
            .addParameter(INTERPRETER, "tag")
            .addParameter(fieldType, "value");
    MethodSpec.Builder copy =
        MethodSpec.constructorBuilder()
            .addJavadoc("{@code base} with slot {@code slot} taken from slot 0 of {@code source}.\n")
            .addModifiers(Modifier.PRIVATE)
            .addParameter(self, "base")
            .addParameter(int.class, "slot")
            .addParameter(self, "source");
    for (int slot = 0; slot < slots; slot++) {
      empty.addStatement("$N = EMPTY", tag(slot)).addStatement("$N = $L", value(slot), zero());
      claim
          .addStatement("$N = $L", tag(slot), slot == 0 ? "tag" : "EMPTY")
          .addStatement("$N = $L", value(slot), slot == 0 ? "value" : zero());
      copy.addStatement(
              "$N = slot == $L ? source.$N : base.$N", tag(slot), slot, tag(0), tag(slot))
          .addStatement(
              "$N = slot == $L ? source.$N : base.$N", value(slot), slot, value(0), value(slot));
    }
    table.addMethod(empty.build()).addMethod(claim.build()).addMethod(copy.build());

    MethodSpec.Builder valueOf =
        MethodSpec.methodBuilder("valueOf")
            .addJavadoc("Returns the value of the slot {@code interpreter} owns, or {@code fallback}.\n")
            .returns(fieldType)
            .addParameter(INTERPRETER, "interpreter")
            .addParameter(fieldType, "fallback");
    for (int slot = 0; slot < slots; slot++) {
      valueOf
          .beginControlFlow("if ($N == interpreter)", tag(slot))
          .addStatement("return $N", value(slot))
          .endControlFlow();
    }
    table.addMethod(valueOf.addStatement("return fallback").build());

    table.addMethod(
        MethodSpec.methodBuilder("slotCount")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(int.class)
            .addStatement("return $L", slots)
            .build());
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (slot) {\n$>");
    for (int slot = 0; slot < slots; slot++) {
      cases.add("case $L -> $N;\n", slot, tag(slot));
    }
    cases.add("default -> throw new $T(slot);\n$<};\n", IndexOutOfBoundsException.class);
    table.addMethod(
        MethodSpec.methodBuilder("tag")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(INTERPRETER)
            .addParameter(int.class, "slot")
            .addCode(cases.build())
            .build());
    MethodSpec.Builder with =
        MethodSpec.methodBuilder("with")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(self)
            .addParameter(int.class, "slot")
            .addParameter(RuntimeNames.SLOT_TABLE, "source")
            .addStatement(
                "return new $T$L(this, slot, ($T) source)", rawType, generic ? "<>" : "", self);
    if (generic) {
      with.addAnnotation(TypeWarnings.suppress(List.of("unchecked"))); // tables of one field
    }
    return table.addMethod(with.build()).build();
  }

  /** The value of an empty slot. */
  private String zero() {
    TypeKind kind = valueMirror.getKind();
    if (kind == TypeKind.BOOLEAN) {
      return "false";
    }
    return kind.isPrimitive() ? "0" : "null";
  }
}

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
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.function.IntFunction;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the nested class of one accessor's slot tables: values {@code valueK} typed exactly (a
 * primitive is never boxed) and, past slot 0, whose tag the runtime's {@code SlotTable} holds, tags
 * {@code tagK} written once through the VarHandles {@code TAGK}, with the operations the runtime's
 * protocol calls. A 1-slot table has no tag, VarHandle, static initializer, {@code slotCount()} or
 * {@code value(int)} of its own (the miss method reads {@code value0}), which javac compiles
 * measurably faster in a module of many generated classes. A value type that is not
 * reifiable, or is raw, makes the class generic in {@code V}, since a static nested class cannot
 * name the generated class's type variables.
 */
final class SlotTableWriter {
  private static final ClassName SLOT_TABLE = RuntimeNames.SLOT_TABLE;
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

  CodeBlock newTable() {
    return CodeBlock.of("new $T$L()", rawType, generic ? "<>" : "");
  }

  TypeSpec write(String accessorJavadoc) {
    TypeName self = generic ? ParameterizedTypeName.get(rawType, V) : rawType;
    TypeSpec.Builder table =
        TypeSpec.classBuilder(rawType)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .superclass(SLOT_TABLE)
            .addJavadoc("The slots of $L, each written once: see $T.\n",
                accessorJavadoc, RuntimeNames.ACCESSOR_SLOTS);
    if (generic) {
      table.addTypeVariable(V);
    }
    if (slots > 1) {
      addTags(table);
    }
    for (int slot = 0; slot < slots; slot++) {
      table.addField(FieldSpec.builder(fieldType, value(slot), Modifier.PRIVATE).build());
    }
    table.addMethod(override("newTable", self).addStatement("return $L", newTable()).build());
    if (slots > 1) {
      table.addMethod(
          override("slotCount", TypeName.INT).addStatement("return $L", slots).build());
      addTagMethods(table);
      addValueMethod(table);
    }
    return table
        .addMethod(
            suppressUnchecked(override("fill", TypeName.VOID))
                .addParameter(int.class, "slot")
                .addParameter(RuntimeNames.CLAIM, "claim")
                .addCode(switchOnSlot(false, slot -> CodeBlock.of(
                    "$N = $L", value(slot), claimedValue())))
                .build())
        .addMethod(
            suppressUnchecked(override("copyValue", TypeName.VOID))
                .addParameter(int.class, "slot")
                .addParameter(SLOT_TABLE, "from")
                .addCode(switchOnSlot(false, slot -> CodeBlock.of(
                    "$N = (($T) from).$N", value(slot), self, value(slot))))
                .build())
        .build();
  }

  /** Adds {@code value(slot)} to a table of more slots: a 1-slot table's is read as a field. */
  private void addValueMethod(TypeSpec.Builder table) {
    table.addMethod(
        MethodSpec.methodBuilder("value")
            .addJavadoc("Returns the value of slot {@code slot}.\n")
            .returns(fieldType)
            .addParameter(int.class, "slot")
            .addCode(switchOnSlot(true, slot -> CodeBlock.of("$N", value(slot))))
            .build());
  }

  /** Declares tags 1 and up (slot 0's is the runtime's) and their VarHandles. */
  private void addTags(TypeSpec.Builder table) {
    // "unused": tags are read and written through VarHandles only, which Eclipse's compiler ignores.
    table.addAnnotation(TypeWarnings.suppress(List.of("unused")));
    CodeBlock.Builder handles =
        CodeBlock.builder()
            .beginControlFlow("try")
            .addStatement(
                "$T lookup = $T.lookup()", MethodHandles.Lookup.class, MethodHandles.class);
    for (int slot = 1; slot < slots; slot++) {
      table.addField(
          FieldSpec.builder(VarHandle.class, tagHandle(slot), Modifier.PRIVATE, Modifier.STATIC,
              Modifier.FINAL).build());
      handles.addStatement("$N = lookup.findVarHandle($T.class, $S, $T.class)",
          tagHandle(slot), rawType, tag(slot), Object.class);
    }
    table.addStaticBlock(
        handles
            .nextControlFlow("catch ($T e)", ReflectiveOperationException.class)
            .addStatement("throw new $T(e)", ExceptionInInitializerError.class)
            .endControlFlow()
            .build());
    for (int slot = 1; slot < slots; slot++) {
      table.addField(
          FieldSpec.builder(Object.class, tag(slot), Modifier.PRIVATE).initializer("EMPTY").build());
    }
  }

  /** Overrides the tag operations for slots past 0, whose tags the nested class declares. */
  private void addTagMethods(TypeSpec.Builder table) {
    table
        .addMethod(
            MethodSpec.methodBuilder("tag")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ClassName.OBJECT)
                .addParameter(int.class, "slot")
                .addCode(switchOnSlot(true, slot -> slot == 0
                    ? CodeBlock.of("super.tag(0)")
                    : CodeBlock.of("$N.getAcquire(($T) this)", tagHandle(slot), SLOT_TABLE)))
                .build())
        .addMethod(
            override("casTag", TypeName.BOOLEAN)
                .addParameter(int.class, "slot")
                .addParameter(Object.class, "expected")
                .addParameter(Object.class, "tag")
                .addCode(switchOnSlot(true, slot -> slot == 0
                    ? CodeBlock.of("super.casTag(0, expected, tag)")
                    : CodeBlock.of(
                        "$N.compareAndSet(($T) this, expected, tag)", tagHandle(slot), SLOT_TABLE)))
                .build());
  }

  private static String tag(int slot) {
    return "tag" + slot;
  }

  private static String tagHandle(int slot) {
    return "TAG" + slot;
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(returns);
  }

  private MethodSpec.Builder suppressUnchecked(MethodSpec.Builder method) {
    return generic ? method.addAnnotation(TypeWarnings.suppress(List.of("unchecked"))) : method;
  }

  /**
   * A switch on {@code slot} with one case per slot, returning or running its code; with one slot,
   * that slot's code alone: the runtime asks only for slots below {@code slotCount()}.
   */
  private CodeBlock switchOnSlot(boolean returns, IntFunction<CodeBlock> caseCode) {
    if (slots == 1) {
      return CodeBlock.builder().addStatement("$L$L", returns ? "return " : "", caseCode.apply(0))
          .build();
    }
    CodeBlock.Builder code = CodeBlock.builder().add(returns ? "return switch (slot) {\n$>" : "switch (slot) {\n$>");
    for (int slot = 0; slot < slots; slot++) {
      code.add("case $L -> $L;\n", slot, caseCode.apply(slot));
    }
    return code.add("default -> throw new $T(slot);\n$<}$L\n", IndexOutOfBoundsException.class,
        returns ? ";" : "").build();
  }

  /** How {@code fill} reads the claim's value: as the field's type, from the bits if primitive. */
  private CodeBlock claimedValue() {
    switch (valueMirror.getKind()) {
      case BOOLEAN:
        return CodeBlock.of("claim.bits() != 0");
      case DOUBLE:
        return CodeBlock.of("$T.longBitsToDouble(claim.bits())", Double.class);
      case FLOAT:
        return CodeBlock.of("(float) $T.longBitsToDouble(claim.bits())", Double.class);
      case LONG:
        return CodeBlock.of("claim.bits()");
      case INT:
      case SHORT:
      case CHAR:
      case BYTE:
        return CodeBlock.of("($T) claim.bits()", TypeName.get(valueMirror));
      default:
        return fieldType.equals(ClassName.OBJECT)
            ? CodeBlock.of("claim.reference()")
            : CodeBlock.of("($T) claim.reference()", fieldType);
    }
  }

  /** How the miss method passes {@code value} to a claim: a reference, or a primitive's bits. */
  CodeBlock claimedValue(String value) {
    switch (valueMirror.getKind()) {
      case BOOLEAN:
        return CodeBlock.of("null, $N ? 1 : 0", value);
      case DOUBLE:
      case FLOAT:
        return CodeBlock.of("null, $T.doubleToRawLongBits($N)", Double.class, value);
      case LONG:
      case INT:
      case SHORT:
      case CHAR:
      case BYTE:
        return CodeBlock.of("null, $N", value);
      default:
        return CodeBlock.of("$N, 0", value);
    }
  }
}

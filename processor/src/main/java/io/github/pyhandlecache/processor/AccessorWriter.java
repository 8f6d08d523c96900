package io.github.pyhandlecache.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Writes the members that cache one accessor: its slot fields, their VarHandles, the override with
 * the hit path, and the miss method. The protocol they follow is SlotTags's; the hit path is
 * written out here so that it inlines into callers.
 */
final class AccessorWriter {
  private static final ClassName INTERPRETER = RuntimeNames.INTERPRETER;
  private static final ClassName SLOT_TAGS = RuntimeNames.SLOT_TAGS;

  private final CachedAccessor accessor;
  private final AccessorNames names;
  private final ClassName generatedClass;
  private final TypeName valueType;
  private final TypeName erasedValueType;
  private final List<String> suppressedWarnings;

  AccessorWriter(CachedAccessor accessor, ClassName generatedClass, Types types) {
    this.accessor = accessor;
    this.names = accessor.names();
    this.generatedClass = generatedClass;
    this.valueType = TypeName.get(accessor.valueType());
    this.erasedValueType = TypeName.get(types.erasure(accessor.valueType()));
    this.suppressedWarnings = TypeWarnings.of(accessor.valueType());
  }

  /** The {@code private static final VarHandle} constants and the slot fields. */
  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    for (int slot = 0; slot < accessor.slots(); slot++) {
      fields.add(constant(VarHandle.class, names.tagHandle(slot)));
      fields.add(constant(VarHandle.class, names.valueHandle(slot)));
    }
    fields.add(constant(SLOT_TAGS, names.slotTags()));
    fields.add(constant(VarHandle[].class, names.valueHandles()));
    for (int slot = 0; slot < accessor.slots(); slot++) {
      fields.add(
          FieldSpec.builder(INTERPRETER, names.tagField(slot), Modifier.PRIVATE, Modifier.TRANSIENT)
              .build());
      FieldSpec.Builder value =
          FieldSpec.builder(valueType, names.valueField(slot), Modifier.PRIVATE, Modifier.TRANSIENT);
      if (suppressedWarnings.contains("rawtypes")) {
        value.addAnnotation(TypeWarnings.suppress(List.of("rawtypes")));
      }
      fields.add(value.build());
    }
    return fields;
  }

  /** Statements of the static initializer that may throw ReflectiveOperationException. */
  CodeBlock findVarHandles(String lookup) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int slot = 0; slot < accessor.slots(); slot++) {
      code.addStatement(
          "$N =$W$N.findVarHandle($T.class,$W$S,$W$T.class)",
          names.tagHandle(slot), lookup, generatedClass, names.tagField(slot), INTERPRETER);
      code.addStatement(
          "$N =$W$N.findVarHandle($T.class,$W$S,$W$T.class)",
          names.valueHandle(slot), lookup, generatedClass, names.valueField(slot), erasedValueType);
    }
    return code.build();
  }

  /** Statements of the static initializer that group the handles for the miss path. */
  CodeBlock groupVarHandles() {
    List<CodeBlock> tags = new ArrayList<>();
    List<CodeBlock> values = new ArrayList<>();
    for (int slot = 0; slot < accessor.slots(); slot++) {
      tags.add(CodeBlock.of("$N", names.tagHandle(slot)));
      values.add(CodeBlock.of("$N", names.valueHandle(slot)));
    }
    return CodeBlock.builder()
        .addStatement("$N = $T.ofFields($L)", names.slotTags(), SLOT_TAGS, CodeBlock.join(tags, ", "))
        .addStatement(
            "$N = new $T[] {$L}", names.valueHandles(), VarHandle.class, CodeBlock.join(values, ", "))
        .build();
  }

  /** The override: a hit returns a slot's value; anything else goes to the miss method. */
  MethodSpec override() {
    NameAllocator locals = new NameAllocator();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(accessor.methodName())
            .addAnnotation(Override.class)
            .addModifiers(visibility())
            .returns(valueType)
            .addExceptions(thrownTypes());
    suppressWarnings(method);
    String interpreter;
    if (accessor.isExplicit()) {
      VariableElement parameter = accessor.method().getParameters().get(0);
      interpreter = locals.newName(parameter.getSimpleName().toString());
      method.addParameter(INTERPRETER, interpreter);
    } else {
      interpreter = locals.newName("interpreter");
      method.addStatement("$T $N = $T.current()", INTERPRETER, interpreter, INTERPRETER);
    }
    String cached = locals.newName("cached");
    method.beginControlFlow("if ($N != null)", interpreter);
    method.addComment("A hit: see SlotTags, Note [Memory ordering on interpreter tags].");
    for (int slot = 0; slot < accessor.slots(); slot++) {
      method
          .beginControlFlow(
              "if (($T) $N.getAcquire(this) == $N)", INTERPRETER, names.tagHandle(slot), interpreter)
          .addStatement(
              "$T $N = $L$N.getOpaque(this)", valueType, cached, cast(), names.valueHandle(slot))
          .addStatement("$T.acquireFence()", VarHandle.class)
          .beginControlFlow(
              "if (($T) $N.getOpaque(this) == $N)", INTERPRETER, names.tagHandle(slot), interpreter)
          .addStatement("return $N", cached)
          .endControlFlow()
          .endControlFlow();
    }
    method.endControlFlow();
    method.addStatement("return $N($N)", names.missMethod(), interpreter);
    return method.build();
  }

  /** The miss method: runs the slow accessor, then claims a slot or defers to the owner's value. */
  MethodSpec missMethod() {
    String interpreter = "interpreter";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(names.missMethod())
            .addModifiers(Modifier.PRIVATE)
            .returns(valueType)
            .addParameter(INTERPRETER, interpreter)
            .addExceptions(thrownTypes());
    suppressWarnings(method);
    method
        .addStatement(
            "$T computed = super.$N($L)",
            valueType, accessor.methodName(), accessor.isExplicit() ? interpreter : "")
        .addStatement("int slot = $N.claim(this, $N)", names.slotTags(), interpreter)
        .beginControlFlow("if (slot != $T.NO_SLOT)", SLOT_TAGS)
        .addComment("The value is released before the tag that publishes it.")
        .addStatement("$N[slot].setRelease(this, computed)", names.valueHandles())
        .addStatement("$N.publish(this, slot, $N)", names.slotTags(), interpreter)
        .addStatement("return computed")
        .endControlFlow()
        .addComment("Another thread of this interpreter may own a slot: its value is the one to return.")
        .addStatement("int owned = $N.slotOwnedBy(this, $N)", names.slotTags(), interpreter)
        .beginControlFlow("if (owned != $T.NO_SLOT)", SLOT_TAGS)
        .addStatement(
            "$T cached = $L$N[owned].getOpaque(this)", valueType, cast(), names.valueHandles())
        .beginControlFlow("if ($N.isStillOwnedBy(this, owned, $N))", names.slotTags(), interpreter)
        .addStatement("return cached")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return computed");
    return method.build();
  }

  /**
   * The cast that gives a VarHandle read its return type: the call site's type is the cast's, and
   * without one it is {@code Object}.
   */
  private CodeBlock cast() {
    return valueType.equals(ClassName.OBJECT) ? CodeBlock.of("") : CodeBlock.of("($T) ", valueType);
  }

  private void suppressWarnings(MethodSpec.Builder method) {
    if (!suppressedWarnings.isEmpty()) {
      method.addAnnotation(TypeWarnings.suppress(suppressedWarnings));
    }
  }

  private Modifier[] visibility() {
    return accessor.method().getModifiers().stream()
        .filter(m -> m == Modifier.PUBLIC || m == Modifier.PROTECTED)
        .toArray(Modifier[]::new);
  }

  private List<TypeName> thrownTypes() {
    List<TypeName> thrown = new ArrayList<>();
    for (TypeMirror type : accessor.type().getThrownTypes()) {
      thrown.add(TypeName.get(type));
    }
    return thrown;
  }

  private static FieldSpec constant(Class<?> type, String name) {
    return constant(TypeName.get(type), name);
  }

  private static FieldSpec constant(TypeName type, String name) {
    return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).build();
  }
}

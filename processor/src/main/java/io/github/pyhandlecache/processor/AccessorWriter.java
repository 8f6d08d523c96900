package io.github.pyhandlecache.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the members that cache one accessor: the field holding the object's slot table, its
 * VarHandle, the runtime's {@code AccessorSlots}, the override with the hit path, the miss method,
 * and the nested table class. The protocol is AccessorSlots's; the hit path is written out here so
 * that it inlines into callers.
 */
final class AccessorWriter {
  private static final ClassName INTERPRETER = RuntimeNames.INTERPRETER;
  private static final ClassName ACCESSOR_SLOTS = RuntimeNames.ACCESSOR_SLOTS;

  private final CachedAccessor accessor;
  private final AccessorNames names;
  private final ClassName generatedClass;
  private final String accessorName;
  private final TypeName valueType;
  private final SlotTableWriter table;
  private final List<String> suppressedWarnings;

  AccessorWriter(CachedAccessor accessor, ClassName generatedClass, String ownerName) {
    this.accessor = accessor;
    this.names = accessor.names();
    this.generatedClass = generatedClass;
    this.accessorName = ownerName + "." + signature(accessor);
    this.valueType = TypeName.get(accessor.valueType());
    this.table = new SlotTableWriter(accessor, generatedClass.nestedClass(names.tableClass()));
    Set<String> suppressed = new LinkedHashSet<>(TypeWarnings.of(accessor.valueType()));
    if (table.isGeneric()) {
      suppressed.add("unchecked"); // the casts of a generic table and its value
    }
    this.suppressedWarnings = List.copyOf(suppressed);
  }

  /** How Javadoc and events name an accessor: {@code op(PyInterpreter)} or {@code op()}. */
  static String signature(CachedAccessor accessor) {
    return accessor.methodName() + (accessor.isExplicit() ? "(PyInterpreter)" : "()");
  }

  /** The constants and the instance field. */
  List<FieldSpec> fields() {
    FieldSpec.Builder field =
        FieldSpec.builder(
            table.type(), names.tableField(), Modifier.PRIVATE, Modifier.TRANSIENT);
    // "unused": the field is only reached through its VarHandle, which Eclipse's compiler ignores.
    field.addAnnotation(
        TypeWarnings.suppress(
            TypeWarnings.mentionsRawType(accessor.valueType())
                ? List.of("rawtypes", "unused")
                : List.of("unused")));
    return List.of(
        constant(TypeName.get(VarHandle.class), names.tableHandle()),
        constant(ACCESSOR_SLOTS, names.slots()),
        field.build());
  }

  /** Statements of the static initializer that may throw ReflectiveOperationException. */
  CodeBlock findVarHandle(String lookup) {
    return CodeBlock.builder()
        .addStatement(
            "$N =$W$N.findVarHandle($T.class,$W$S,$W$T.class)",
            names.tableHandle(), lookup, generatedClass, names.tableField(), table.rawType())
        .build();
  }

  /** The statement of the static initializer that creates the accessor's slots. */
  CodeBlock createSlots() {
    return CodeBlock.builder()
        .addStatement(
            "$N =$W$T.of($N,$W$L,$W$S)",
            names.slots(), ACCESSOR_SLOTS, names.tableHandle(), table.newEmpty(), accessorName)
        .build();
  }

  /** The nested class of the accessor's tables. */
  TypeSpec tableClass() {
    return table.write("{@code " + signature(accessor) + "}");
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
    String slots = locals.newName("table");
    // A generic table is read as XTable<?> and its value cast, an unchecked cast for javac and
    // Eclipse alike (they disagree on casting a VarHandle read to a parameterized type).
    TypeName readType = table.isGeneric() ? table.wildcardType() : table.type();
    CodeBlock valueCast = table.isGeneric() ? CodeBlock.of("($T) ", valueType) : CodeBlock.of("");
    method
        .addComment("A hit: see AccessorSlots, Note [Memory ordering on interpreter tags].")
        .addStatement(
            "$T $N = ($T) $N.getAcquire(this)", readType, slots, readType, names.tableHandle())
        .beginControlFlow("if ($N != null)", slots);
    for (int slot = 0; slot < accessor.slots(); slot++) {
      method
          .beginControlFlow("if ($N.$N == $N)", slots, SlotTableWriter.tag(slot), interpreter)
          .addStatement("return $L$N.$N", valueCast, slots, SlotTableWriter.value(slot))
          .endControlFlow();
    }
    return method
        .endControlFlow()
        .addStatement("return $N($N)", names.missMethod(), interpreter)
        .build();
  }

  /** The miss method: runs the slow accessor, then claims a slot or returns the owner's value. */
  MethodSpec missMethod() {
    String interpreter = "interpreter";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(names.missMethod())
            .addModifiers(Modifier.PRIVATE)
            .returns(valueType)
            .addParameter(INTERPRETER, interpreter)
            .addExceptions(thrownTypes());
    suppressWarnings(method);
    return method
        .addStatement("$T events = $N.beginMiss()", RuntimeNames.MISS_EVENTS, names.slots())
        .addStatement(
            "$T computed = super.$N($L)",
            valueType, accessor.methodName(), accessor.isExplicit() ? interpreter : "")
        .addComment("Read through the constant VarHandle, which inlines; the runtime's would not.")
        .addStatement(
            "$T current = ($T) $N.getAcquire(this)",
            RuntimeNames.SLOT_TABLE, RuntimeNames.SLOT_TABLE, names.tableHandle())
        .beginControlFlow("if (!$N.isClaimable(current, $N, events))", names.slots(), interpreter)
        .addStatement("return computed")
        .endControlFlow()
        .addStatement("$T claim = $L", table.type(), table.newClaim(interpreter, "computed"))
        .addStatement(
            "return (($T) $N.claim(this, claim, events)).valueOf($N, computed)",
            table.type(), names.slots(), interpreter)
        .build();
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

  private static FieldSpec constant(TypeName type, String name) {
    return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).build();
  }
}

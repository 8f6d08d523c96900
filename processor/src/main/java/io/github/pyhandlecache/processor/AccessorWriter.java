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
      suppressed.add("unchecked"); // the casts of a generic table's value
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
            names.slots(), ACCESSOR_SLOTS, names.tableHandle(), table.newTable(), accessorName)
        .build();
  }

  /**
   * The constructor statement that allocates the object's table, unless a call of the accessor
   * from a super constructor already installed one.
   */
  CodeBlock allocateTable() {
    return CodeBlock.builder()
        .addStatement("$N.compareAndSet((Object) this, ($T) null, ($T) $L)",
            names.tableHandle(), RuntimeNames.SLOT_TABLE, RuntimeNames.SLOT_TABLE, table.newTable())
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
    } else if (comparesAnswer()) {
      interpreter = locals.newName("current");
      method
          .addComment("The thread's entered interpreter, read unchecked; else its lookup or null,")
          .addComment("which no tag is: the miss method then asks current() and finds its slot.")
          .addStatement("$T $N = $T.answer()", Object.class, interpreter, RuntimeNames.THREAD_STATE);
    } else {
      interpreter = locals.newName("interpreter");
      method.addStatement("$T $N = $T.current()", INTERPRETER, interpreter, INTERPRETER);
    }
    String tableLocal = locals.newName("table");
    method
        .addComment("A hit: see AccessorSlots, Note [Memory ordering on interpreter tags].")
        .addStatement("$T $N = $L", readType(), tableLocal, readTable());
    if (accessor.slots() == 1) {
      method
          .beginControlFlow("if ($N != null && $N.tag(0) == $N)", tableLocal, tableLocal, interpreter)
          .addStatement("return $L$N.$N", valueCast(), tableLocal, SlotTableWriter.value(0))
          .endControlFlow();
    } else {
      method
          .addComment("An interpreter's slot is the one at its hashCode() modulo $L, unless that was",
              accessor.slots())
          .addComment("taken when it claimed: then the miss method finds it.")
          .beginControlFlow("if ($N != null && $N != null)", tableLocal, interpreter)
          .beginControlFlow("switch ($N.hashCode() % $L)", interpreter, accessor.slots());
      for (int slot = 0; slot < accessor.slots(); slot++) {
        method
            .beginControlFlow(
                "$L ->", slot == accessor.slots() - 1 ? "default" : "case " + slot)
            .beginControlFlow("if ($N.tag($L) == $N)", tableLocal, slot, interpreter)
            .addStatement("return $L$N.$N", valueCast(), tableLocal, SlotTableWriter.value(slot))
            .endControlFlow()
            .endControlFlow();
      }
      method.endControlFlow().endControlFlow();
    }
    return comparesAnswer()
        ? method.addStatement("return $N($T.current())", names.missMethod(), INTERPRETER).build()
        : method.addStatement("return $N($N)", names.missMethod(), interpreter).build();
  }

  /** Whether the hit compares the thread's answer, unchecked: the getter form with one slot. */
  private boolean comparesAnswer() {
    return !accessor.isExplicit() && accessor.slots() == 1;
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
    // A slot its hit did not look at: not its preferred one, or asked for by a lookup's answer.
    boolean findsOwnedSlot = accessor.slots() > 1 || !accessor.isExplicit();
    if (findsOwnedSlot) {
      method
          .addStatement("$T table = $L", readType(), readTable())
          .addStatement("int owned = $T.slotOf(table, $N)", ACCESSOR_SLOTS, interpreter)
          .beginControlFlow("if (owned >= 0)")
          .addStatement("return $L$L", valueCast(), slotValue("owned"))
          .endControlFlow();
    }
    return method
        .addStatement("$T events = $T.begin()", RuntimeNames.MISS_EVENTS, RuntimeNames.MISS_EVENTS)
        .addStatement(
            "$T computed = super.$N($L)",
            valueType, accessor.methodName(), accessor.isExplicit() ? interpreter : "")
        .addComment("Read through the constant VarHandle, which inlines; the runtime's would not.")
        .addStatement(
            "$L$L",
            findsOwnedSlot ? CodeBlock.of("table = ") : CodeBlock.of("$T table = ", readType()),
            readTable())
        .addStatement(
            "table = ($T) $N.claim(this, table, $N, $L, events)",
            readType(), names.slots(), interpreter, table.claimedValue("computed"))
        .addStatement("int slot = $T.slotOf(table, $N)", ACCESSOR_SLOTS, interpreter)
        .addStatement("return slot >= 0 ? $L$L : computed", valueCast(), slotValue("slot"))
        .build();
  }

  /** The value of the slot that local {@code slot} names: a 1-slot table's only field. */
  private CodeBlock slotValue(String slot) {
    return accessor.slots() == 1
        ? CodeBlock.of("table.$N", SlotTableWriter.value(0))
        : CodeBlock.of("table.value($N)", slot);
  }

  /** An acquire load of the object's table, in the one signature of every generated class. */
  private CodeBlock readTable() {
    return CodeBlock.of("($T) (Object) $N.getAcquire((Object) this)", readType(), names.tableHandle());
  }

  /** What a table is read as: {@code XTable}, or {@code XTable<?>} if generic. */
  private TypeName readType() {
    // A generic table is read as XTable<?> and its value cast, an unchecked cast for javac and
    // Eclipse alike (they disagree on casting a VarHandle read to a parameterized type).
    return table.isGeneric() ? table.wildcardType() : table.type();
  }

  private CodeBlock valueCast() {
    return table.isGeneric() ? CodeBlock.of("($T) ", valueType) : CodeBlock.of("");
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

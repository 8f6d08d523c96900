package io.github.pyhandlecache.processor.generated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shape of generated classes: inheritance, constructors, visibility, slot counts. */
class GeneratedClassTest {
  private final PyInterpreter a = PyInterpreter.create("a");

  @Test
  void inheritedAnnotatedMethodIsCachedUnlessOverridden() {
    Registry.Derived derived = new PyHandleCached_Registry_Derived();
    Handle base = derived.baseOp(a);
    Handle own = derived.derivedOp(a);
    assertSame(base, derived.baseOp(a));
    assertSame(own, derived.derivedOp(a));
    assertEquals(2, derived.calls.get());

    Handle replaced = derived.replaced(a);
    assertEquals("replaced in derived", replaced.name);
    assertNotSame(replaced, derived.replaced(a), "overridden without the annotation: not cached");
    assertEquals(4, derived.calls.get());
  }

  @Test
  void baseClassGetsItsOwnGeneratedClass() {
    Registry.Base base = new PyHandleCached_Registry_Base();
    assertSame(base.replaced(a), base.replaced(a));
  }

  @Test
  void classThatOnlyInheritsGetsNone() {
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName(getClass().getPackageName() + ".PyHandleCached_Registry_OnlyInherits"));
  }

  @Test
  void generatedClassIsFinalPackagePrivateAndAddsNoPublicMethod() {
    Class<?> generated = PyHandleCached_Registry_Derived.class;
    int modifiers = generated.getModifiers();
    assertTrue(Modifier.isFinal(modifiers));
    assertFalse(Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
    assertSame(Registry.Derived.class, generated.getSuperclass());
    for (Method method : generated.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())) {
        assertEquals("replaced", method.getName(), "only public methods the user declared");
      }
    }
  }

  @Test
  void overridesKeepTheirVisibility() throws NoSuchMethodException {
    Class<?> generated = PyHandleCached_Registry_Base.class;
    assertTrue(
        Modifier.isProtected(
            generated.getDeclaredMethod("baseOp", PyInterpreter.class).getModifiers()));
    assertTrue(
        Modifier.isPublic(
            generated.getDeclaredMethod("replaced", PyInterpreter.class).getModifiers()));
  }

  @Test
  void nonPrivateConstructorsAreMirrored() {
    List<String> expected = signatures(Registry.Constructors.class, true);
    List<String> mirrored = signatures(PyHandleCached_Registry_Constructors.class, false);
    assertEquals(3, expected.size(), "the private constructor is left out");
    assertEquals(expected, mirrored);
  }

  @Test
  void mirroredConstructorsPassTheirArgumentsOn() throws IOException {
    assertEquals(
        List.of("x", 2), new PyHandleCached_Registry_Constructors<Object>("x", 1, 2).arguments(a));
    List<Object> sink = new ArrayList<>(List.of(1, 2, 3));
    assertEquals(
        List.of("v", 3), new PyHandleCached_Registry_Constructors<String>("v", sink).arguments(a));
    assertThrows(
        IOException.class,
        () -> new PyHandleCached_Registry_Constructors<String>(null, sink));
  }

  @Test
  void sixteenSlotsServeSixteenInterpreters() {
    Registry.Crowded crowded = new PyHandleCached_Registry_Crowded();
    List<PyInterpreter> interpreters = new ArrayList<>();
    List<Handle> handles = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      PyInterpreter interpreter = PyInterpreter.create("i" + i);
      interpreters.add(interpreter);
      handles.add(crowded.op(interpreter));
    }
    for (int i = 0; i < 16; i++) {
      assertSame(handles.get(i), crowded.op(interpreters.get(i)), "slot of i" + i);
    }
    assertNotSame(handles.get(16), crowded.op(interpreters.get(16)), "the 17th has no slot");
    assertEquals(17 + 1, crowded.calls.get());
  }

  /** Parameter types, varargs, type parameters and exceptions of each non-private constructor. */
  private static List<String> signatures(Class<?> type, boolean skipPrivate) {
    return Arrays.stream(type.getDeclaredConstructors())
        .filter(constructor -> !(skipPrivate && Modifier.isPrivate(constructor.getModifiers())))
        .map(GeneratedClassTest::signature)
        .sorted(Comparator.naturalOrder())
        .collect(Collectors.toList());
  }

  private static String signature(Constructor<?> constructor) {
    return Arrays.toString(constructor.getGenericParameterTypes())
        + (constructor.isVarArgs() ? " varargs" : "")
        + " <" + Arrays.toString(constructor.getTypeParameters()) + ">"
        + " throws " + Arrays.toString(constructor.getExceptionTypes());
  }

  @Test
  void signatureSeesTypeParametersAndExceptions() throws NoSuchMethodException {
    Constructor<?> generic =
        Registry.Constructors.class.getDeclaredConstructor(Object.class, List.class);
    assertEquals(
        "[X, java.util.List<? super X>] <[X]> throws [class java.io.IOException]",
        signature(generic));
    assertArrayEquals(new Class<?>[] {IOException.class}, generic.getExceptionTypes());
  }
}

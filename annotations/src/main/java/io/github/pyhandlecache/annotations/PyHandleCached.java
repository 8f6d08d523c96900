package io.github.pyhandlecache.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Caches the value of a <em>slow accessor</em> per interpreter, the way PyTorch's
 * {@code c10::PyHandleCache} caches the Python object that stands for a C++ object.
 *
 * <p>Put it on a method whose body produces the value, in a class that the annotation processor
 * ({@code pyhandlecache-processor}) can subclass. For a class {@code Foo} the processor writes
 * {@code PyHandleCached_Foo} in the same package (for a nested {@code Outer.Inner}:
 * {@code PyHandleCached_Outer_Inner}); create instances of that class, usually from a static factory:
 *
 * <pre>{@code
 * abstract class OperatorEntry {
 *   static OperatorEntry create(String name) {
 *     return new PyHandleCached_OperatorEntry(name);
 *   }
 *
 *   final String name;
 *
 *   OperatorEntry(String name) {
 *     this.name = name;
 *   }
 *
 *   // Explicit form: the parameter is the interpreter that owns the cached value.
 *   @PyHandleCached
 *   Object pythonOp(PyInterpreter interpreter) {
 *     return lookUpInPython(interpreter, name);    // slow: runs once per interpreter and object
 *   }
 *
 *   // Implicit form: the interpreter is PyInterpreter.current(), the one entered on this thread.
 *   @PyHandleCached(slots = 4)
 *   Object pyObject() {
 *     return wrapInPython(PyInterpreter.current(), this);
 *   }
 * }
 * }</pre>
 *
 * <h2>What a call does</h2>
 *
 * <p>Each annotated method gets {@link #slots()} slots per object; a slot holds one value and is
 * owned by the interpreter that filled it. With {@code I} the caller's interpreter:
 *
 * <ol>
 *   <li>{@code I} is null (nothing entered, or null passed): the slow accessor runs; nothing is
 *       cached.
 *   <li>{@code I} owns a slot: its value is returned and the slow accessor does not run (a
 *       <em>hit</em>).
 *   <li>Otherwise the slow accessor runs once. If {@code I} is open, owns no slot, and a slot is
 *       empty or owned by a closed interpreter, {@code I} claims it with the result. The call returns
 *       the value of {@code I}'s slot if {@code I} owns one now (another thread of {@code I} may have
 *       claimed first), else the result. With every slot owned by other open interpreters the
 *       accessor simply runs on every call: the cache is truly a cache.
 *   <li>A slow accessor that throws leaves every slot as it was; the exception propagates unchanged.
 *   <li>{@code null} and primitive results are cached like any other (primitives are never boxed).
 * </ol>
 *
 * <h2>Guarantees</h2>
 *
 * <p>Under any interleaving of any number of threads and interpreters: a call never returns a value
 * computed for another interpreter (even when its own interpreter was closed and its slot reclaimed
 * meanwhile); once a call has returned the value of its interpreter's slot, later calls with that
 * interpreter return the same instance; a hit takes no lock, allocates nothing and writes nothing
 * shared; no call waits for another thread; a {@code Throwable} thrown anywhere (a {@code
 * StackOverflowError} in the middle of a claim included) leaves every slot usable and right; and
 * once an interpreter's {@code close()} has returned, nothing it cached is reachable through any
 * slot.
 *
 * <h2>Rules</h2>
 *
 * <p>The method must not be private, static, final or abstract, must not have type parameters, must
 * not return void, and takes either no parameter or one {@code PyInterpreter}. Its class must be a
 * non-final, non-private class (not an interface, enum, record or annotation type), static if nested,
 * with a non-private constructor and no abstract method left to implement. Any return type and any
 * {@code throws} clause are fine. Each broken rule is a compile error on the method or class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PyHandleCached {
  /**
   * How many interpreters can own a slot of this accessor at once, 1 to 16.
   *
   * <p>PyTorch's original has one slot, so with several interpreters only the first one that asks
   * is served from the cache. Use as many slots as interpreters that use one object at the same
   * time. An accessor adds to each object a reference and a table allocated with it, in which each
   * slot costs two references (or a reference and the value's width, for a primitive); the first
   * claim of an object adds one weak reference that the claiming interpreters share. An
   * interpreter's slot is the one at its {@code hashCode()} modulo {@code slots}, which a hit
   * compares alone, unless another interpreter had taken it: then the hit looks at the others.
   *
   * @return the number of slots of each object, 1 to 16
   */
  int slots() default 1;
}

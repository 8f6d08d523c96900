/**
 * jcstress tests of the guarantees in the SPEC, one class per guarantee. Each class holds the race
 * and its outcomes; its nested classes run that race on one kind of host each:
 *
 * <ul>
 *   <li>{@code OnPyHandleCache}: a {@link io.github.pyhandlecache.runtime.PyHandleCache};
 *   <li>{@code OnGeneratedClass}: a {@code PyHandleCached_} class the processor generated, explicit
 *       form, reference value;
 *   <li>{@code OnGeneratedPrimitive}: the same with an {@code int} value, whose default is 0;
 *   <li>{@code OnGeneratedImplicitForm}: the same with the tag from {@code PyInterpreter.current()}.
 * </ul>
 *
 * <p>Values are recognisable: a slow accessor returns a value computed for interpreter {@code k}
 * as {@code k} (see {@link io.github.pyhandlecache.stress.host.Interpreters}), so outcomes read as
 * the numbers of the interpreters whose values the calls returned, and 0 is a default value.
 */
package io.github.pyhandlecache.stress;

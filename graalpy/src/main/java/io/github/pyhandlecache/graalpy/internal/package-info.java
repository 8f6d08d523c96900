/**
 * How {@link io.github.pyhandlecache.runtime.PyInterpreter#current()} finds the interpreter bound to
 * the polyglot context a thread is in. <strong>Not an API</strong>: the module does not export this
 * package; its {@code InterpreterLookup} is a service provider, which needs no export.
 */
package io.github.pyhandlecache.graalpy.internal;

/**
 * What generated code and {@code PyHandleCache} call: the slot protocol ({@link
 * io.github.pyhandlecache.runtime.internal.AccessorSlots}, whose Note argues it). <strong>Not an
 * API</strong>: it changes in any release, together with the processor that generates calls to it.
 */
package io.github.pyhandlecache.runtime.internal;

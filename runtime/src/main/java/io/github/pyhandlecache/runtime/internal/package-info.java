/**
 * What generated code and {@code PyHandleCache} call: the slot protocol ({@link
 * io.github.pyhandlecache.runtime.internal.AccessorSlots}, whose Note argues it), slot tables and
 * claims. <strong>Not an API</strong>: these types change in any release, together with the
 * processor that generates calls to them.
 */
package io.github.pyhandlecache.runtime.internal;

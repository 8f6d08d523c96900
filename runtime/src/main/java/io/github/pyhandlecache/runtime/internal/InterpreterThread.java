package io.github.pyhandlecache.runtime.internal;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.atomic.AtomicReference;

/** A thread of {@code PyInterpreter.threadFactory()}: its answer in a field, no thread-local. */
public final class InterpreterThread extends Thread {
  final AtomicReference<Object> answer; // its own interpreter outside every scope

  public InterpreterThread(PyInterpreter interpreter, Runnable task, String name) {
    super(task, name);
    this.answer = new AtomicReference<>(interpreter);
  }
}

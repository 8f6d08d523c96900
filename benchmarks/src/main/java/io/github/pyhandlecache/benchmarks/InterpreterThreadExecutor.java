package io.github.pyhandlecache.benchmarks;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * JMH's worker threads made by {@link #INTERPRETER}'s {@link PyInterpreter#threadFactory()}, so
 * that {@link InterpreterThreadBenchmark} runs on threads whose current interpreter is a field of
 * the thread. JMH creates it, in the forked JVM, when that JVM has the system properties {@code
 * jmh.executor=CUSTOM} and {@code jmh.executor.class=} this class, through the constructor JMH 1.37
 * looks up: {@code (int maxThreads, String prefix)}.
 */
public final class InterpreterThreadExecutor extends ThreadPoolExecutor {
  /** The interpreter of every thread of this executor. */
  public static final PyInterpreter INTERPRETER = PyInterpreter.create("jmh-worker");

  /**
   * A fixed pool of {@code maxThreads} threads, named after the interpreter ({@code prefix}, JMH's
   * name for its threads, is not used: the factory names them).
   */
  public InterpreterThreadExecutor(int maxThreads, String prefix) {
    super(maxThreads, maxThreads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        INTERPRETER.threadFactory());
  }
}

package io.github.pyhandlecache.benchmarks.operators;

/**
 * {@link Operator}'s slow accessors with no cache, for the miss benchmarks. A class that only they
 * name: the verifier would load a subclass that {@code Operator} itself creates, and a second
 * loaded subclass costs every cached call a type check that an application does not pay.
 */
public final class UncachedOperator extends Operator {
  public UncachedOperator(String name) {
    super(name);
  }
}

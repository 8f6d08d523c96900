package io.github.pyhandlecache.sample;

import static java.util.Objects.requireNonNull;

/**
 * The name of an operator overload, as PyTorch writes it: {@code namespace::name.overload}, for
 * example {@code aten::add.Tensor}.
 */
record OperatorName(String namespace, String name, String overload) {
  OperatorName {
    requireNonNull(namespace, "namespace");
    requireNonNull(name, "name");
    requireNonNull(overload, "overload");
  }

  /**
   * Parses {@code namespace::name.overload}.
   *
   * @throws IllegalArgumentException if {@code qualifiedName} does not have that shape
   */
  static OperatorName parse(String qualifiedName) {
    int colons = qualifiedName.indexOf("::");
    int dot = qualifiedName.indexOf('.', colons + 2);
    if (colons <= 0 || dot <= colons + 2 || dot == qualifiedName.length() - 1) {
      throw new IllegalArgumentException("not namespace::name.overload: " + qualifiedName);
    }
    return new OperatorName(
        qualifiedName.substring(0, colons),
        qualifiedName.substring(colons + 2, dot),
        qualifiedName.substring(dot + 1));
  }

  @Override
  public String toString() {
    return namespace + "::" + name + "." + overload;
  }
}

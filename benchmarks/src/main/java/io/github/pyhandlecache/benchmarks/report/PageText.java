package io.github.pyhandlecache.benchmarks.report;

/** The Markdown of the page, line by line, and how it writes figures. */
final class PageText {
  private final StringBuilder text = new StringBuilder();

  void line(String line) {
    text.append(line).append('\n');
  }

  void line() {
    text.append('\n');
  }

  /** Lines of text as they are, each ending with a line break (a text block does). */
  void text(String lines) {
    text.append(lines);
  }

  void format(String format, Object... args) {
    line(String.format(format, args));
  }

  /** A benchmark's B/op from {@code -prof gc}, or n/a. */
  static String bytes(JmhResult result) {
    return Double.isNaN(result.bytesPerOp()) ? "n/a" : String.format("%.2f", result.bytesPerOp());
  }

  /** A benchmark's median and error, e.g. {@code 1.36 ± 0.26}. */
  static String score(JmhResult result) {
    return String.format("%.2f ± %.2f", result.median(), result.error());
  }

  @Override
  public String toString() {
    return text.toString();
  }
}

package io.github.pyhandlecache.sample;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row and data rows, columns padded to their widest cell. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final boolean[] rightAligned;

  /** Columns whose header starts with {@code >} are right-aligned (numbers); the {@code >} is dropped. */
  Table(String... headers) {
    rightAligned = new boolean[headers.length];
    String[] header = new String[headers.length];
    for (int i = 0; i < headers.length; i++) {
      rightAligned[i] = headers[i].startsWith(">");
      header[i] = rightAligned[i] ? headers[i].substring(1) : headers[i];
    }
    rows.add(header);
  }

  Table row(Object... cells) {
    if (cells.length != rightAligned.length) {
      throw new IllegalArgumentException(
          "expected " + rightAligned.length + " cells, got " + cells.length);
    }
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = String.valueOf(cells[i]);
    }
    rows.add(row);
    return this;
  }

  @Override
  public String toString() {
    int[] widths = new int[rightAligned.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      appendRow(text, rows.get(r), widths);
      if (r == 0) {
        String[] rule = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
          rule[i] = "-".repeat(widths[i]);
        }
        appendRow(text, rule, widths);
      }
    }
    return text.toString();
  }

  private void appendRow(StringBuilder text, String[] row, int[] widths) {
    StringBuilder line = new StringBuilder("  ");
    for (int i = 0; i < row.length; i++) {
      String padding = " ".repeat(widths[i] - row[i].length());
      line.append(i == 0 ? "" : "  ").append(rightAligned[i] ? padding + row[i] : row[i] + padding);
    }
    text.append(line.toString().stripTrailing()).append('\n');
  }
}

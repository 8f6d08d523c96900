package io.github.pyhandlecache.jfr;

import java.util.ArrayList;
import java.util.List;

/** A table of text in aligned columns: numbers to the right, words to the left. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final boolean[] rightAligned;

  /** A table with these headers; a header that starts with '>' names a right-aligned column. */
  TextTable(String... headers) {
    rightAligned = new boolean[headers.length];
    String[] names = new String[headers.length];
    for (int column = 0; column < headers.length; column++) {
      rightAligned[column] = headers[column].startsWith(">");
      names[column] = rightAligned[column] ? headers[column].substring(1) : headers[column];
    }
    rows.add(names);
  }

  void addRow(String... cells) {
    if (cells.length != rightAligned.length) {
      throw new IllegalArgumentException(
          cells.length + " cells in a table of " + rightAligned.length + " columns");
    }
    rows.add(cells.clone());
  }

  void appendTo(StringBuilder out) {
    int[] widths = new int[rightAligned.length];
    for (String[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < row.length; column++) {
        String padding = " ".repeat(widths[column] - row[column].length());
        line.append(column == 0 ? "" : "  ");
        line.append(rightAligned[column] ? padding + row[column] : row[column] + padding);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }
}

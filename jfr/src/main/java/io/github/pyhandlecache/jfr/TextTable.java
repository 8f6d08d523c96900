package io.github.pyhandlecache.jfr;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table in aligned columns, numbers to the right: what {@link CacheEventSummary}
 * prints, for tools that print their own tables beside it.
 *
 * <pre>{@code
 * new TextTable("interpreter", ">slow lookups").row("interp-0", 1).ruled().toString()
 * }</pre>
 */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final boolean[] rightAligned;
  private boolean ruled;

  /**
   * Creates a table with these column headers.
   *
   * @param headers the headers; one that starts with {@code >} names a right-aligned column, and
   *     the {@code >} is not shown
   */
  public TextTable(String... headers) {
    rightAligned = new boolean[headers.length];
    String[] names = new String[headers.length];
    for (int column = 0; column < headers.length; column++) {
      rightAligned[column] = headers[column].startsWith(">");
      names[column] = rightAligned[column] ? headers[column].substring(1) : headers[column];
    }
    rows.add(names);
  }

  /**
   * Adds a row.
   *
   * @param cells one per column, shown with {@link String#valueOf(Object)}
   * @return this table
   * @throws IllegalArgumentException if there are more or fewer cells than columns
   */
  public TextTable row(Object... cells) {
    if (cells.length != rightAligned.length) {
      throw new IllegalArgumentException(
          cells.length + " cells in a table of " + rightAligned.length + " columns");
    }
    String[] row = new String[cells.length];
    for (int column = 0; column < cells.length; column++) {
      row[column] = String.valueOf(cells[column]);
    }
    rows.add(row);
    return this;
  }

  /**
   * Draws a rule of dashes under the headers.
   *
   * @return this table
   */
  public TextTable ruled() {
    ruled = true;
    return this;
  }

  /** {@return the table, a line per row, each ending with a line feed and no trailing blanks} */
  @Override
  public String toString() {
    int[] widths = new int[rightAligned.length];
    for (String[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      appendRow(out, rows.get(r), widths);
      if (r == 0 && ruled) {
        String[] rule = new String[widths.length];
        for (int column = 0; column < widths.length; column++) {
          rule[column] = "-".repeat(widths[column]);
        }
        appendRow(out, rule, widths);
      }
    }
    return out.toString();
  }

  private void appendRow(StringBuilder out, String[] row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < row.length; column++) {
      String padding = " ".repeat(widths[column] - row[column].length());
      line.append(column == 0 ? "" : "  ");
      line.append(rightAligned[column] ? padding + row[column] : row[column] + padding);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}

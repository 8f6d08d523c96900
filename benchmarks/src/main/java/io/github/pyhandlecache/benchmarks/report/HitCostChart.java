package io.github.pyhandlecache.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the hit costs as a horizontal bar chart, one bar per {@link HitRow} with the JMH error as
 * a whisker, with java.awt in headless mode.
 */
final class HitCostChart {
  private static final int WIDTH = 1180;
  private static final int LABEL_WIDTH = 390;
  private static final int PLOT_WIDTH = 640;
  private static final int TOP = 96;
  private static final int ROW = 30;
  private static final int GROUP_GAP = 14;
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  private static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 19);

  private record Bar(HitRow row, JmhResult result) {}

  private final List<Bar> bars;
  private final String subtitle;

  HitCostChart(JmhRun run, String subtitle) {
    this.bars = java.util.Arrays.stream(HitRow.values())
        .map(row -> new Bar(row, run.get(row.method)))
        .toList();
    this.subtitle = subtitle;
  }

  void write(Path png) throws IOException {
    int groups = (int) bars.stream().map(bar -> bar.row.group).distinct().count();
    int height = TOP + bars.size() * ROW + (groups - 1) * GROUP_GAP + 60;
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, height);
      draw(g, height);
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", png.toFile());
  }

  private void draw(Graphics2D g, int height) {
    g.setColor(Color.BLACK);
    g.setFont(TITLE_FONT);
    g.drawString("Cost of a cache hit, ns/op (lower is better)", 20, 30);
    g.setFont(SMALL_FONT);
    g.setColor(Color.DARK_GRAY);
    g.drawString(subtitle, 20, 52);
    drawLegend(g, 20, 76);

    double axisMax = niceCeiling(
        bars.stream().mapToDouble(bar -> bar.result.median()).max().orElse(1) * 1.25);
    int plotBottom = height - 45;
    drawAxis(g, axisMax, plotBottom);
    double floor = bars.get(0).result.median();
    int floorX = x(floor, axisMax);
    g.setColor(new Color(0x606060));
    g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
        new float[] {4, 4}, 0));
    g.drawLine(floorX, TOP - 8, floorX, plotBottom);

    int y = TOP;
    HitRow.Group group = bars.get(0).row.group;
    for (Bar bar : bars) {
      if (bar.row.group != group) {
        group = bar.row.group;
        y += GROUP_GAP;
      }
      drawBar(g, bar, y, axisMax);
      y += ROW;
    }
  }

  private void drawLegend(Graphics2D g, int x, int y) {
    g.setFont(SMALL_FONT);
    for (HitRow.Group group : HitRow.Group.values()) {
      g.setColor(group.color);
      g.fillRect(x, y - 11, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(group.label, x + 18, y);
      x += 30 + g.getFontMetrics().stringWidth(group.label);
    }
    g.setColor(new Color(0x606060));
    g.drawString("whiskers: JMH error (99.9% CI); dashed line: plain final field", x + 10, y);
  }

  private void drawAxis(Graphics2D g, double axisMax, int plotBottom) {
    double step = tickStep(axisMax / 6);
    g.setFont(SMALL_FONT);
    for (double tick = 0; tick <= axisMax + 1e-9; tick += step) {
      int x = x(tick, axisMax);
      g.setColor(new Color(0xE6E6E6));
      g.setStroke(new BasicStroke(1));
      g.drawLine(x, TOP - 8, x, plotBottom);
      g.setColor(Color.DARK_GRAY);
      String text = step < 1 ? String.format("%.1f", tick) : String.format("%.0f", tick);
      g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, plotBottom + 18);
    }
    g.drawString("ns/op", LABEL_WIDTH + PLOT_WIDTH / 2 - 15, plotBottom + 36);
  }

  private void drawBar(Graphics2D g, Bar bar, int y, double axisMax) {
    JmhResult result = bar.result;
    g.setFont(LABEL_FONT);
    g.setColor(Color.BLACK);
    int labelWidth = g.getFontMetrics().stringWidth(bar.row.label);
    g.drawString(bar.row.label, LABEL_WIDTH - 12 - labelWidth, y + 19);

    int x0 = x(0, axisMax);
    g.setColor(bar.row.group.color);
    g.fillRect(x0, y + 5, x(result.median(), axisMax) - x0, ROW - 10);

    double error = Double.isNaN(result.error()) ? 0 : result.error();
    int low = x(Math.max(0, result.median() - error), axisMax);
    int high = x(Math.min(axisMax, result.median() + error), axisMax);
    int middle = y + ROW / 2;
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1.5f));
    g.drawLine(low, middle, high, middle);
    g.drawLine(low, middle - 5, low, middle + 5);
    if (result.median() + error <= axisMax) {
      g.drawLine(high, middle - 5, high, middle + 5);
    }

    g.setFont(SMALL_FONT);
    String value = String.format("%.2f ± %.2f", result.median(), error);
    g.drawString(value, Math.max(high, x(result.median(), axisMax)) + 8, y + 19);
  }

  /** The smallest 1, 2, 2.5 or 5 times a power of ten at or above {@code value}. */
  private static double tickStep(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double mantissa : new double[] {1, 2, 2.5, 5}) {
      if (mantissa * power >= value) {
        return mantissa * power;
      }
    }
    return 10 * power;
  }

  private static int x(double nanos, double axisMax) {
    return LABEL_WIDTH + (int) Math.round(Math.min(nanos, axisMax) / axisMax * PLOT_WIDTH);
  }

  /** The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) >= value. */
  private static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double mantissa : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (mantissa * power >= value) {
        return mantissa * power;
      }
    }
    return 10 * power;
  }
}

package io.kafkanative.jmeter.live;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;

/**
 * The Kafka Summary's small chart: every sampler's messages/s together (blue, left scale) and
 * the worst p99 latency in ms (red, right scale), one point per second, newest on the right.
 */
public final class ThroughputChart extends JPanel {
  private static final long serialVersionUID = 1L;
  private static final Color RATE = new Color(0x1f77b4);
  private static final Color P99 = new Color(0xd62728);
  private static final int MARGIN = 80;
  private static final int MIN_SPAN_SECONDS = 60;

  private transient List<double[]> points = new ArrayList<double[]>();

  public ThroughputChart() {
    setPreferredSize(new Dimension(600, 180));
    setBackground(Color.WHITE);
  }

  /** {msgs/s, p99 ms} per second, oldest first. */
  public void show(List<double[]> history) {
    points = history;
    repaint();
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    super.paintComponent(graphics);
    Graphics2D g = (Graphics2D) graphics;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int width = getWidth() - 2 * MARGIN;
    int height = getHeight() - 30;
    g.setColor(Color.LIGHT_GRAY);
    g.drawRect(MARGIN, 10, width, height);
    g.setColor(Color.DARK_GRAY);
    g.drawString("0", MARGIN - 12, 10 + height);
    double maxRate = max(0);
    double maxP99 = max(1);
    g.setColor(RATE);
    g.drawString(String.format("%.0f msgs/s", maxRate), 4, 24);
    g.setColor(P99);
    g.drawString(String.format("%.1f ms p99", maxP99), MARGIN + width + 4, 24);
    g.setColor(Color.DARK_GRAY);
    g.drawString("last " + points.size() + " s", MARGIN, height + 25);
    plot(g, 0, maxRate, RATE, width, height);
    plot(g, 1, maxP99, P99, width, height);
  }

  private double max(int series) {
    double max = 0;
    for (double[] point : points) {
      max = Math.max(max, point[series]);
    }
    return max > 0 ? max : 1;
  }

  private void plot(Graphics2D g, int series, double max, Color color, int width, int height) {
    if (points.size() < 2) {
      return;
    }
    g.setColor(color);
    g.setStroke(new BasicStroke(1.5f));
    // The first minute fills the width as it comes; later, the width holds the whole history.
    double step = (double) width / (Math.max(MIN_SPAN_SECONDS, points.size()) - 1);
    for (int i = 1; i < points.size(); i++) {
      g.drawLine(
          MARGIN + (int) ((i - 1) * step),
          10 + height - (int) (points.get(i - 1)[series] / max * height),
          MARGIN + (int) (i * step),
          10 + height - (int) (points.get(i)[series] / max * height));
    }
  }
}

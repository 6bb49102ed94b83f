package io.kafkanative.jmeter;

import io.kafkanative.launcher.Jmeter213Launcher;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.apache.jmeter.engine.StandardJMeterEngine;
import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.SearchByClass;
import org.apache.jorphan.logging.LoggingManager;
import io.kafkanative.jmeter.live.SummaryRow;

/**
 * Opens a plan that carries the Kafka Summary listener, shows the listener's view in a Swing
 * window configured from the plan's element (as JMeter's GUI does when the node is selected),
 * runs the plan with JMeter's engine and, after a few seconds, checks what the view's model
 * holds — a sampler row with a non-zero rate, message count and p99 — and that the window
 * really drew it, saving a screenshot. (In this package to read the model directly.)
 *
 * <p>Usage: SummaryListenerGui JMETER_HOME PLAN SCREENSHOT.png [name=value ...]
 */
public final class SummaryListenerGui {
  /** Fewer differing pixels than this (of a sampled quarter) is an empty window. */
  private static final long MIN_DRAWN_PIXELS = 500;

  private SummaryListenerGui() {}

  public static void main(String[] args) throws Exception {
    Jmeter213Launcher.prepare(SummaryListenerGui.class.getClassLoader(), args[0]);
    JMeterUtils.getJMeterProperties().setProperty("log_file", "jmeter.log");
    LoggingManager.initializeLogging(JMeterUtils.getJMeterProperties());
    JMeterUtils.initLocale();
    for (int i = 3; i < args.length; ++i) {
      String[] property = args[i].split("=", 2);
      JMeterUtils.getJMeterProperties().setProperty(property[0], property[1]);
    }
    HashTree tree = SaveService.loadTree(new File(args[1]));
    KafkaSummary element = summaryElement(tree);
    org.apache.jmeter.JMeter.convertSubTree(tree);

    AtomicReference<KafkaSummaryGui> view = new AtomicReference<KafkaSummaryGui>();
    AtomicReference<JFrame> frame = new AtomicReference<JFrame>();
    SwingUtilities.invokeAndWait(
        () -> {
          view.set(new KafkaSummaryGui());
          view.get().configure(element);
          frame.set(new JFrame("Kafka Summary"));
          frame.get().setContentPane(view.get());
          frame.get().setSize(1400, 520);
          frame.get().setVisible(true);
        });
    StandardJMeterEngine engine = new StandardJMeterEngine();
    engine.configure(tree);
    engine.runTest();
    Thread.sleep(5000); // a few refreshes of the view while samples flow

    AtomicReference<String> verdict = new AtomicReference<String>();
    SwingUtilities.invokeAndWait(
        () -> verdict.set(check(view.get(), frame.get(), new File(args[2]))));
    while (engine.isActive()) {
      Thread.sleep(100);
    }
    System.out.println(verdict.get());
    System.exit(verdict.get().startsWith("FAIL") ? 1 : 0);
  }

  private static KafkaSummary summaryElement(HashTree tree) {
    SearchByClass<KafkaSummary> search = new SearchByClass<KafkaSummary>(KafkaSummary.class);
    tree.traverse(search);
    if (search.getSearchResults().isEmpty()) {
      throw new IllegalStateException("the plan has no Kafka Summary listener");
    }
    return search.getSearchResults().iterator().next();
  }

  /**
   * The model's rows must show traffic, and the window must have drawn them; and the view
   * must make the listener's own element, as JMeter's Add menu asks it to.
   */
  private static String check(KafkaSummaryGui view, JFrame frame, File screenshot) {
    if (!(view.createTestElement() instanceof KafkaSummary)) {
      return "FAIL: Add > Listener > Kafka Summary would not create a KafkaSummary element";
    }
    String found = "no rows";
    for (SummaryRow row : view.model().rows()) {
      found = row.name + ": " + row.messagesPerSecond + " msgs/s, " + row.messages
          + " messages, p99 " + row.p99 + " us";
      if (row.messagesPerSecond > 0 && row.messages > 0 && row.p99 > 0) {
        try {
          long drawn = save(frame, screenshot);
          return drawn < MIN_DRAWN_PIXELS
              ? "FAIL: the window drew nothing (" + drawn + " pixels)"
              : "SummaryListenerGui: " + found + "; screenshot " + screenshot;
        } catch (IOException e) {
          return "FAIL: screenshot: " + e;
        }
      }
    }
    return "FAIL: the Kafka Summary shows no traffic (" + found + ")";
  }

  /** Paints the window into `screenshot`; returns how many sampled pixels are not blank. */
  private static long save(JFrame frame, File screenshot) throws IOException {
    BufferedImage image =
        new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    frame.getContentPane().printAll(graphics);
    graphics.dispose();
    ImageIO.write(image, "png", screenshot);
    int background = image.getRGB(0, 0);
    long drawn = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int pixel = image.getRGB(x, y);
        if (pixel != background && pixel != Color.WHITE.getRGB()) {
          ++drawn;
        }
      }
    }
    return drawn;
  }
}

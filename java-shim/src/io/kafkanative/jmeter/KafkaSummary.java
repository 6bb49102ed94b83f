package io.kafkanative.jmeter;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jmeter.gui.GuiPackage;
import org.apache.jmeter.reporters.ResultCollector;
import org.apache.jmeter.samplers.SampleEvent;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.logging.LoggingManager;
import org.apache.log.Logger;
import io.kafkanative.jmeter.engines.EngineSummaryResult;
import io.kafkanative.jmeter.engines.SummaryFile;
import io.kafkanative.jmeter.live.LiveSummary;
import io.kafkanative.jmeter.live.SamplerFigures;
import io.kafkanative.jmeter.live.SummaryRow;

/**
 * The Kafka Summary listener's test element. In the GUI its view (KafkaSummaryGui) reads the
 * native figures every second. Headless (jmeter -n), where no view exists, it prints them
 * every {@code summariser.interval} seconds (JMeter's own summariser's property, 30 by default)
 * in the summariser's manner: {@code kafka +} lines for the interval, {@code kafka =} lines
 * since the start, and the {@code kafka =} lines once more at test end.
 */
public class KafkaSummary extends ResultCollector {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggingManager.getLoggerForClass();
  /** No earlier reading: figures since the start. */
  private static final Map<String, SamplerFigures> NONE =
      java.util.Collections.<String, SamplerFigures>emptyMap();

  private transient Thread console;
  private transient volatile boolean running;

  @Override
  public void testStarted(String host) {
    super.testStarted(host);
    if (GuiPackage.getInstance() == null) {
      startConsole(JMeterUtils.getPropDefault("summariser.interval", 30));
    }
  }

  /**
   * On the controller of a distributed test: an engine's summary (sent by its Kafka Engine
   * Summary sampler) is written to {@code summary-HOST-PID.json} in the folder the JMeter
   * property {@code kafka.summaries.dir} names (JMeter's working folder if unset), where
   * scripts/report merges the engines' files. The sample itself goes on like any other.
   */
  @Override
  public void sampleOccurred(SampleEvent event) {
    SampleResult result = event.getResult();
    if (result instanceof EngineSummaryResult && result.isSuccessful()) {
      EngineSummaryResult summary = (EngineSummaryResult) result;
      // The tag comes over the network: it names a file here only as letters, digits, . _ -
      String engine = summary.getEngine().replaceAll("[^A-Za-z0-9._-]", "_");
      File folder = new File(JMeterUtils.getPropDefault("kafka.summaries.dir", "."));
      SummaryFile.write(
          new File(folder, "summary-" + engine + ".json"),
          summary.getSummary(),
          "engine " + engine + "'s");
    }
    super.sampleOccurred(event);
  }

  @Override
  public void testEnded(String host) {
    stopConsole();
    super.testEnded(host);
  }

  private synchronized void startConsole(final int intervalSeconds) {
    if (console != null) {
      return;
    }
    running = true;
    console =
        new Thread("kafka-summary") {
          @Override
          public void run() {
            report(intervalSeconds);
          }
        };
    console.setDaemon(true);
    console.start();
  }

  private synchronized void stopConsole() {
    if (console == null) {
      return;
    }
    running = false;
    console.interrupt();
    try {
      console.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    console = null;
  }

  /** Prints every interval, then once more at the end. */
  private void report(int intervalSeconds) {
    long start = System.nanoTime();
    Map<String, SamplerFigures> printed = new HashMap<String, SamplerFigures>();
    long printedNanos = start;
    while (running) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        break;
      }
      long nanos = System.nanoTime();
      if (nanos - printedNanos >= intervalSeconds * 1_000_000_000L) {
        List<SamplerFigures> now = LiveSummary.collect();
        print("kafka + ", LiveSummary.rows(printed, now, (nanos - printedNanos) / 1e9));
        print("kafka = ", LiveSummary.rows(NONE, now, (nanos - start) / 1e9));
        printed = LiveSummary.byName(now);
        printedNanos = nanos;
      }
    }
    // The connections have closed by now, leaving their final figures: the totals are exact.
    List<SamplerFigures> last = LiveSummary.collect();
    if (!last.isEmpty()) {
      print("kafka = ", LiveSummary.rows(NONE, last, (System.nanoTime() - start) / 1e9));
    }
  }

  private static void print(String prefix, List<SummaryRow> rows) {
    for (SummaryRow row : rows) {
      String line = prefix + row.consoleText();
      System.out.println(line);
      LOG.info(line);
    }
  }
}

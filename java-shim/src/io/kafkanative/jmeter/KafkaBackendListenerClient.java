package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.NativeKafka;
import io.kafkanative.jmeter.monitor.InfluxLines;
import io.kafkanative.jmeter.monitor.InfluxSender;
import io.kafkanative.jmeter.monitor.LivePoint;
import io.kafkanative.jmeter.monitor.SecondsFollower;
import java.lang.management.ManagementFactory;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.apache.jmeter.config.Arguments;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.visualizers.backend.BackendListenerClient;
import org.apache.jmeter.visualizers.backend.BackendListenerContext;
import org.apache.jorphan.logging.LoggingManager;
import org.apache.log.Logger;

/**
 * The client to choose in JMeter's Backend Listener to send the native Kafka figures to
 * InfluxDB: once a second, per sampler and per connection, that second's messages, rates,
 * failures, latency percentiles (acknowledgement, intended-time, end-to-end), lag,
 * verification findings, throttling and cluster health, tagged with the application, the engine
 * (distributed runs stay apart and sum), the connection, the kind and the sampler. Parameters
 * follow JMeter's own InfluxDB client. JMeter's sample results are not used: for batch samples
 * they are not per message.
 *
 * <p>One thread of its own reads and sends; sampler threads never wait for it. An InfluxDB
 * that is slow or down costs points (counted, logged once), never the test.
 */
public class KafkaBackendListenerClient implements BackendListenerClient {
  private static final Logger LOG = LoggingManager.getLoggerForClass();
  /** Points that may wait for an InfluxDB that is down: ten minutes of a large plan. */
  private static final int WAITING_POINTS = 100_000;
  private static final int TIMEOUT_MILLIS = 5000;
  /** How long the test's end may spend writing the last points. */
  private static final long FLUSH_MILLIS = 10_000;

  private String engine;
  private String testTitle;
  private String eventTags;
  private InfluxLines lines;
  private InfluxSender sender;
  private SecondsFollower follower;
  private Thread writer;
  private volatile boolean running;
  /** CPU the writer thread used, ns, set when it ends (its cost, logged at the test's end). */
  private volatile long writerCpuNanos;

  @Override
  public Arguments getDefaultParameters() {
    Arguments arguments = new Arguments();
    arguments.addArgument("influxdbUrl", "http://localhost:8086/write?db=jmeter");
    arguments.addArgument("influxdbToken", "");
    arguments.addArgument("application", "kafka");
    arguments.addArgument("measurement", "kafka");
    arguments.addArgument("testTitle", "Kafka test");
    arguments.addArgument("eventTags", "");
    arguments.addArgument("percentiles", "50;90;99;99.9");
    return arguments;
  }

  @Override
  public void setupTest(BackendListenerContext context) {
    String url = context.getParameter("influxdbUrl", "").trim();
    if (url.isEmpty()) {  // the example plans' listener, when -Jkafka.influxdb is not given
      LOG.info("Kafka Backend Listener: no influxdbUrl, so no figures are sent");
      return;
    }
    double[] percentiles;
    URL target;
    try {
      target = new URL(url);
      percentiles = percentiles(context.getParameter("percentiles", "50;90;99;99.9"));
      engine = NativeKafka.engineName();
    } catch (MalformedURLException | RuntimeException | LinkageError e) {
      LOG.error("Kafka Backend Listener: " + e.getMessage() + "; no figures are sent in this"
          + " test (fix the parameter and run again)");
      return;
    }
    testTitle = context.getParameter("testTitle", "Kafka test");
    eventTags = context.getParameter("eventTags", "");
    lines = new InfluxLines(context.getParameter("measurement", "kafka"),
        context.getParameter("application", "kafka"));
    sender = new InfluxSender(target, context.getParameter("influxdbToken", "").trim(),
        WAITING_POINTS, TIMEOUT_MILLIS);
    follower = new SecondsFollower(percentiles);
    sender.add(event("started"));
    running = true;
    writer = new Thread("kafka-influxdb") {
      @Override
      public void run() {
        write();
      }
    };
    writer.setDaemon(true);
    writer.start();
    LOG.info("Kafka Backend Listener: sending each second's figures to " + url);
  }

  /** Nothing to do: the figures sent are the native ones, read by the writer thread. */
  @Override
  public void handleSampleResults(List<SampleResult> results, BackendListenerContext context) {}

  @Override
  public void teardownTest(BackendListenerContext context) throws InterruptedException {
    if (writer == null) {
      return;
    }
    running = false;
    writer.interrupt();
    writer.join();
    writer = null;
    List<String> last = lines(follower.finish());
    last.addAll(event("ended"));
    sender.add(last);
    sender.flush(FLUSH_MILLIS);
    String outcome = "Kafka Backend Listener: " + sender.written() + " points written, "
        + sender.dropped() + " dropped; its thread used " + writerCpuNanos / 1_000_000
        + " ms of CPU";
    if (sender.dropped() > 0) {
      LOG.warn(outcome);
    } else {
      LOG.info(outcome);
    }
  }

  @Override
  public SampleResult createSampleResult(BackendListenerContext context, SampleResult result) {
    return result;
  }

  /** Once a second until the test ends: the seconds that ended, then a send. */
  private void write() {
    try {
      while (running) {
        sender.add(lines(follower.poll()));
        sender.send();
        Thread.sleep(1000);
      }
    } catch (InterruptedException e) {
      // the test's end
    } finally {
      writerCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
  }

  private List<String> lines(List<LivePoint> points) {
    List<String> text = new ArrayList<String>(points.size());
    for (LivePoint point : points) {
      text.add(lines.line(point));
    }
    return text;
  }

  private List<String> event(String what) {
    List<String> event = new ArrayList<String>(1);
    event.add(lines.event(engine, "ApacheJMeter", testTitle + " " + what, eventTags,
        System.currentTimeMillis()));
    return event;
  }

  /** "50;90;99.9" as numbers in (0, 100]. */
  static double[] percentiles(String text) {
    String[] parts = text.split(";");
    double[] percentiles = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        percentiles[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        percentiles[i] = -1;
      }
      if (!(percentiles[i] > 0 && percentiles[i] <= 100)) {
        throw new IllegalArgumentException(
            "percentiles: '" + parts[i].trim() + "' is not a percentile in (0, 100] (write them"
                + " as 50;90;99;99.9)");
      }
    }
    return percentiles;
  }
}

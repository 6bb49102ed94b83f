package io.kafkanative.jmeter.monitor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;

/** The exposition format: families grouped, cumulative buckets on the core's bucket bounds. */
public class PrometheusTextTest {
  private static String render() {
    Map<String, String> figures = new TreeMap<String, String>();
    figures.put("kafka", "producer\tP \"1\"\tsent=30\tacked=30\tfailed=0\tackedBytes=3000"
        + "\ttargetRate=0\tscheduleLagMicros=0\tack=100:10,200:10,40000:10\tackSum=403000"
        + "\tintended=\tintendedSum=0\n"
        + "connection\t\tengine=h:7\tthrottledMillis=1500\tclientErrors=0\tbrokers=3"
        + "\tpartitions=6\tunderReplicated=0\toffline=0\n");
    return PrometheusText.render(figures);
  }

  @Test
  public void countersCarryTheEngineConnectionAndSampler() {
    String text = render();
    assertTrue(text, text.contains("# TYPE kafka_producer_acked_messages_total counter\n"
        + "kafka_producer_acked_messages_total{engine=\"h:7\",connection=\"kafka\","
        + "sampler=\"P \\\"1\\\"\"} 30\n"));
    assertTrue(text, text.contains(
        "kafka_throttle_seconds_total{engine=\"h:7\",connection=\"kafka\"} 1.5\n"));
  }

  @Test
  public void histogramBucketsAreCumulativeOnTheCoresBounds() {
    String text = render();
    String labels = "{engine=\"h:7\",connection=\"kafka\",sampler=\"P \\\"1\\\"\"";
    String name = "kafka_producer_ack_latency_seconds";
    assertTrue(text, text.contains(name + "_bucket" + labels + ",le=\"0.000159\"} 10\n"));
    assertTrue(text, text.contains(name + "_bucket" + labels + ",le=\"0.000223\"} 20\n"));
    assertTrue(text, text.contains(name + "_bucket" + labels + ",le=\"0.040959\"} 30\n"));
    assertTrue(text, text.contains(name + "_bucket" + labels + ",le=\"+Inf\"} 30\n"));
    assertTrue(text, text.contains(name + "_sum" + labels + "} 0.403\n"));
    assertTrue(text, text.contains(name + "_count" + labels + "} 30\n"));
  }

  @Test
  public void boundsAreFourPerPowerOfTwo() {
    assertEquals(68, PrometheusText.BOUNDS_MICROS.length);
    assertEquals(159, PrometheusText.BOUNDS_MICROS[0]);
    assertEquals((64L << 18) - 1, PrometheusText.BOUNDS_MICROS[67]);
  }
}

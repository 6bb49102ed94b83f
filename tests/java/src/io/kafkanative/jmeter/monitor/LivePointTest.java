package io.kafkanative.jmeter.monitor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.kafkanative.jmeter.live.SamplerFigures;
import java.util.Arrays;
import org.junit.Test;

/** One second's point from two readings, and its InfluxDB line. */
public class LivePointTest {
  private static final double[] PERCENTILES = {50, 99, 99.9};

  private static SamplerFigures producer(long acked, String ack) {
    return SamplerFigures.parse("producer\tKafka Producer\tsent=" + acked + "\tacked=" + acked
        + "\tfailed=2\tackedBytes=" + acked * 100 + "\ttargetRate=0\tscheduleLagMicros=0\tack="
        + ack + "\tackSum=0\tintended=\tintendedSum=0\n", "").get(0);
  }

  @Test
  public void aSecondsPointHoldsThatSecondsCountsAndPercentiles() {
    LivePoint point = LivePoint.between("host:1", "kafka", producer(1000, "1000:1000"),
        producer(3000, "1000:1000,7000:1990,9000:10"), 1, 5_000_000, PERCENTILES);
    assertEquals(2000L, point.fields.get("msgs"));
    assertEquals(0L, point.fields.get("failed"));  // both readings had 2
    assertEquals(2000.0, point.fields.get("msgs_per_s"));
    assertEquals(0.2, point.fields.get("mb_per_s"));
    assertEquals(7.0, point.fields.get("ack_p50_ms"));
    assertEquals(9.0, point.fields.get("ack_p99_9_ms"));
    assertEquals(9.0, point.fields.get("ack_max_ms"));
    assertFalse("no schedule, no intended latency", point.fields.containsKey("intended_p99_ms"));
  }

  @Test
  public void aSecondWithoutMessagesHasNoPercentiles() {
    LivePoint point = LivePoint.between("host:1", "kafka", producer(1000, "1000:1000"),
        producer(1000, "1000:1000"), 1, 0, PERCENTILES);
    assertEquals(0L, point.fields.get("msgs"));
    assertFalse(point.fields.containsKey("ack_p50_ms"));
  }

  @Test
  public void connectionPointsCarryThrottlingAndHealthOnceTheClusterAnswered() {
    String line = "connection\t\tengine=h:1\tthrottledMillis=%d\tclientErrors=0\tbrokers=%d"
        + "\tpartitions=6\tunderReplicated=2\toffline=0\n";
    SamplerFigures before = SamplerFigures.parse(String.format(line, 100, 3), "").get(0);
    SamplerFigures now = SamplerFigures.parse(String.format(line, 350, 3), "").get(0);
    LivePoint point = LivePoint.between("h:1", "kafka", before, now, 1, 0, PERCENTILES);
    assertEquals(250L, point.fields.get("throttle_ms"));
    assertEquals(2L, point.fields.get("under_replicated"));
    SamplerFigures unanswered = SamplerFigures.parse(String.format(line, 0, -1), "").get(0);
    assertFalse(LivePoint.between("h:1", "kafka", null, unanswered, 1, 0, PERCENTILES)
        .fields.containsKey("brokers"));
  }

  @Test
  public void linesEscapeTagsAndTypeTheirFields() {
    LivePoint point = LivePoint.between("host:1", "my conn,1", null, producer(10, "500:10"), 1,
        1_700_000_000_000_000L, new double[] {99});
    String line = new InfluxLines("kafka", "app=x").line(point);
    assertTrue(line, line.startsWith("kafka,application=app\\=x,engine=host:1,"
        + "connection=my\\ conn\\,1,kind=producer,sampler=Kafka\\ Producer sent=10i,msgs=10i,"));
    assertTrue(line, line.contains(",ack_p99_ms=0.5,ack_max_ms=0.5 "));
    assertTrue(line, line.endsWith(" 1700000000000000000"));
    assertEquals("events,application=a,engine=h:1 title=\"ApacheJMeter\",text=\"run \\\"7\\\""
            + " started\",tags=\"x,y\" 5000000",
        new InfluxLines("kafka", "a").event("h:1", "ApacheJMeter", "run \"7\" started", "x,y", 5));
  }

  @Test
  public void percentileNamesAreFieldNames() {
    assertEquals(Arrays.asList("p50", "p99_9", "p99_99"), Arrays.asList(
        LivePoint.percentileName(50), LivePoint.percentileName(99.9),
        LivePoint.percentileName(99.99)));
  }
}

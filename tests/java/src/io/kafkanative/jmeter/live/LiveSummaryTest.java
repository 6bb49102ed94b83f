package io.kafkanative.jmeter.live;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import io.kafkanative.jmeter.engines.BucketCounts;
import io.kafkanative.jmeter.live.LiveSummary;
import io.kafkanative.jmeter.live.SamplerFigures;
import io.kafkanative.jmeter.live.SummaryRow;

/** The Kafka Summary's model: native readings in, interval rows and chart history out. */
public class LiveSummaryTest {
  private static final Map<String, SamplerFigures> NONE = Collections.emptyMap();

  private static List<SamplerFigures> producer(long acked, String ack) {
    return SamplerFigures.parse(
        "producer\tKafka Producer\tsent=" + acked + "\tacked=" + acked + "\tfailed=1\tackedBytes="
            + acked * 100 + "\ttargetRate=0\tscheduleLagMicros=0\tack=" + ack + "\tintended=\n",
        "");
  }

  @Test
  public void bucketsSubtractIntoTheIntervalsPercentiles() {
    BucketCounts before = BucketCounts.parse("1000:10,2000:5");
    BucketCounts after = BucketCounts.parse("1000:10,2000:5,5000:85,9000:15");
    BucketCounts interval = after.minus(before);
    assertEquals(100, interval.count());
    assertEquals(5000, interval.percentile(50));
    assertEquals(9000, interval.percentile(99));
    assertEquals(9000, interval.max());
    assertEquals(-1, BucketCounts.EMPTY.percentile(50));
  }

  @Test
  public void secondReadingGivesRatesAndTheSecondsPercentiles() {
    LiveSummary model = new LiveSummary();
    model.update(producer(1000, "1000:1000"), 0);
    List<SummaryRow> rows = model.update(producer(3000, "1000:1000,7000:2000"), 2_000_000_000L);

    assertEquals(1, rows.size());
    SummaryRow row = rows.get(0);
    assertEquals("Kafka Producer", row.name);
    assertEquals(1000.0, row.messagesPerSecond, 1e-9); // 2000 more in 2 s
    assertEquals(0.1, row.megabytesPerSecond, 1e-9);
    assertEquals(3000, row.messages);
    assertEquals(1, row.failed);
    assertEquals(7000, row.p50); // only this interval's values: the first 1000 are gone
    assertEquals(-1, row.missing); // a consumer's column
    List<double[]> history = model.history();
    assertEquals(1, history.size());
    assertEquals(1000.0, history.get(0)[0], 1e-9);
    assertEquals(7.0, history.get(0)[1], 1e-9);
  }

  @Test
  public void consumerRowsShowEndToEndLatencyAndTheSequenceCheck() {
    List<SamplerFigures> figures =
        SamplerFigures.parse(
            "consumer\tKafka Consumer\tconsumed=500\tbytes=50000\terrors=0\trebalances=1\tlag=42"
                + "\tmissing=2\tduplicates=1\treordered=0\tendToEnd=12000:500\n",
            "conn/");
    SummaryRow row = LiveSummary.rows(NONE, figures, 5).get(0);

    assertEquals("conn/Kafka Consumer", row.name);
    assertEquals(100.0, row.messagesPerSecond, 1e-9);
    assertEquals(12000, row.p99);
    assertEquals(42, row.lag);
    String line = row.consoleText();
    assertTrue(line, line.startsWith("conn/Kafka Consumer: 100 msgs/s, 0.01 MB/s, 500 consumed"));
    assertTrue(line, line.contains("end-to-end ms p50 12.00 p99 12.00"));
    assertTrue(line, line.contains("lag 42; 2 missing, 1 duplicated, 0 reordered"));
  }

  @Test
  public void tableCellsLeaveOtherKindsColumnsEmpty() {
    SummaryRow row = LiveSummary.rows(NONE, producer(10, "3000:10"), 1).get(0);
    Object[] cells = row.cells();
    assertEquals(SummaryRow.COLUMNS.length, cells.length);
    assertEquals("3.00", cells[6]); // p99 ms
    assertEquals("", cells[9]); // intended p99: no target rate
    assertEquals("", cells[11]); // missing: a consumer's figure
  }
}

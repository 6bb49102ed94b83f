package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.GroupLagReading;
import io.kafkanative.jmeter.core.NativeHandle;
import io.kafkanative.jmeter.core.NativeLagReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.jmeter.samplers.Entry;
import org.apache.jmeter.samplers.SampleResult;
import io.kafkanative.jmeter.connection.ConnectionRegistry;
import io.kafkanative.jmeter.results.KafkaSampleResult;
import io.kafkanative.jmeter.results.ProduceResultMapper;

/**
 * Sampler "Kafka Consumer Group Lag": each sample reads a named group's lag on its topics (the
 * group's committed offsets against the topics' end offsets) without joining the group, so the
 * lag of the application under test shows while it runs. Samples are paced: one reading per
 * interval, the wait outside the sample's time. Every reading also goes into the connection's
 * summary, where the run report turns them into the application's processing rate.
 */
public class KafkaConsumerGroupLagSampler extends AbstractKafkaSampler {
  private static final long serialVersionUID = 1L;

  private String groupId = "";
  private String topics = "";
  private long intervalMs = 1000;
  private long timeoutMs = 5000;

  private transient volatile NativeLagReader reader;
  private transient String readerIdentity;
  private transient long nextReadingMillis;
  /** The pacing wait, which JMeter's Stop ({@link #interrupt()}) cuts short. */
  private final transient Object pacing = new Object();

  private transient boolean interrupted;
  private final transient GroupLagReading reading = new GroupLagReading();

  /** Waits for the next reading's time first, so the sample's time is the reading's alone. */
  @Override
  public SampleResult sample(Entry entry) {
    synchronized (pacing) {
      interrupted = false;
      long wait;
      while (!interrupted && (wait = nextReadingMillis - System.currentTimeMillis()) > 0) {
        try {
          pacing.wait(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    nextReadingMillis = System.currentTimeMillis() + Math.max(0, intervalMs);
    return super.sample(entry);
  }

  /** JMeter's Stop: ends the pacing wait at once (a reading in progress ends at its timeout). */
  @Override
  public boolean interrupt() {
    synchronized (pacing) {
      interrupted = true;
      pacing.notifyAll();
    }
    return super.interrupt();
  }

  @Override
  protected NativeHandle session() {
    return reader;
  }

  @Override
  protected void openSession() {
    if (reader != null && !takeSettingsChanged()) {
      return;
    }
    List<String> topicList = new ArrayList<String>();
    for (String topic : topics.split(",")) {
      if (!topic.trim().isEmpty()) {
        topicList.add(topic.trim());
      }
    }
    String identity = getConnectionName() + '\n' + groupId.trim() + '\n' + topicList;
    if (reader == null || !identity.equals(readerIdentity)) {
      closeSession();
      reader = ConnectionRegistry.lookup(getConnectionName()).openLagReader(groupId.trim(), topicList);
      readerIdentity = identity;
    }
  }

  @Override
  protected void runNative() {
    reader.read(timeoutMs, reading);
  }

  @Override
  protected void recordFailure(String name, String message) {
    reading.setError(name, message);
  }

  @Override
  protected void fillResult(KafkaSampleResult result) {
    result.setSampleCount(1);
    result.setDataType(SampleResult.TEXT);
    String json =
        "{\"group\": \"" + groupId.trim().replace("\"", "\\\"") + "\", \"lag\": " + reading.lag()
            + ", \"endOffsets\": " + reading.endOffsets() + ", \"committed\": "
            + reading.committed() + ", \"partitions\": " + reading.partitions()
            + ", \"uncommitted\": " + reading.uncommitted() + "}";
    result.setResponseData(json, "UTF-8");
    if (reading.errorName() != null) {
      result.setSuccessful(false);
      result.setResponseCode(reading.errorName());
      result.setResponseMessage(reading.errorMessage());
      return;
    }
    result.setSuccessful(true);
    result.setResponseCode(ProduceResultMapper.OK_CODE);
    result.setResponseMessage(
        "lag " + reading.lag() + " over " + reading.partitions() + " partitions ("
            + reading.uncommitted() + " without a committed offset)");
  }

  @Override
  protected void closeSession() {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }

  public String getGroupId() {
    return groupId;
  }

  public void setGroupId(String groupId) {
    this.groupId = setting(this.groupId, groupId);
  }

  public String getTopics() {
    return topics;
  }

  public void setTopics(String topics) {
    this.topics = setting(this.topics, topics);
  }

  public long getIntervalMs() {
    return intervalMs;
  }

  public void setIntervalMs(long intervalMs) {
    this.intervalMs = setting(this.intervalMs, intervalMs);
  }

  public long getTimeoutMs() {
    return timeoutMs;
  }

  public void setTimeoutMs(long timeoutMs) {
    this.timeoutMs = setting(this.timeoutMs, timeoutMs);
  }
}

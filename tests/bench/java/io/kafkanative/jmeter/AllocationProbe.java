package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.NativeConnection;
import io.kafkanative.jmeter.core.NativeProducer;
import io.kafkanative.jmeter.core.ProduceOutcome;
import io.kafkanative.jmeter.core.ProducerConfig;
import java.lang.management.ManagementFactory;
import java.util.Collections;
import io.kafkanative.jmeter.results.KafkaSampleResult;
import io.kafkanative.jmeter.results.ProduceResultMapper;

/**
 * Measures the Java heap a fire-and-track sample allocates (the sampler's work: the native call
 * and the result mapping), for small and large batches, with the JVM's per-thread allocation
 * counter. Equal figures mean no per-message Java allocation. Prints one JSON object per batch
 * size. Usage: AllocationProbe BOOTSTRAP
 */
public final class AllocationProbe {
  private static final int WARMUP = 2000;
  private static final int SAMPLES = 5000;

  private AllocationProbe() {}

  public static void main(String[] args) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    try (NativeConnection connection =
        new NativeConnection(args[0], Collections.singletonMap("acks", "1"), 10000, "")) {
      for (int batch : new int[] {10, 1000}) {
        ProducerConfig config = new ProducerConfig();
        config.topic = "allocation-probe";
        config.valueTemplate = "{{seq}} ";
        config.valueSize = 100;
        config.mode = ProducerConfig.DeliveryMode.TRACK;
        config.statsName = "probe-" + batch;
        try (NativeProducer producer = connection.openProducer(config)) {
          ProduceOutcome outcome = new ProduceOutcome();
          runSamples(producer, outcome, batch, WARMUP);
          long before = threads.getThreadAllocatedBytes(thread);
          runSamples(producer, outcome, batch, SAMPLES);
          long after = threads.getThreadAllocatedBytes(thread);
          producer.finish(outcome);
          System.out.println(
              "{\"batch\": " + batch + ", \"bytesPerSample\": " + (after - before) / SAMPLES + "}");
        }
      }
    }
  }

  private static void runSamples(
      NativeProducer producer, ProduceOutcome outcome, int batch, int samples) {
    for (int i = 0; i < samples; i++) {
      KafkaSampleResult result = new KafkaSampleResult();
      result.sampleStart();
      producer.produce(batch, outcome);
      result.sampleEnd();
      ProduceResultMapper.apply(outcome, true, true, "allocation-probe", "", result);
    }
  }
}

package io.kafkanative.jmeter.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

/**
 * Many JMeter-like threads creating, using, interrupting and closing sessions at once, with
 * use after close, closes racing with calls in progress, one session shared by two threads and
 * forged handles. Every misuse must end in IllegalStateException and every call in an outcome
 * or KafkaNativeException: never a crash. Run under AddressSanitizer/UBSan by the sanitizer
 * stage of scripts/test, which preloads the runtime into the JVM.
 */
public class JniStressTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = Integer.getInteger("stress.rounds", 12);

  private final String bootstrap = bootstrap();
  private final String topic = "stress-" + System.nanoTime();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  private static String bootstrap() {
    String configured = System.getenv("KAFKA_BOOTSTRAP");
    return configured == null || configured.isEmpty() ? "embedded" : configured;
  }

  private NativeConnection connect() {
    return new NativeConnection(bootstrap, Collections.<String, String>emptyMap(), 2000, "");
  }

  @Test
  public void concurrentLifecyclesAndMisuseNeverCrash() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS * 2);
    try {
      List<Future<Void>> work = new ArrayList<Future<Void>>();
      for (int thread = 0; thread < THREADS; ++thread) {
        final Random random = new Random(thread);
        work.add(pool.submit(rounds(random, pool)));
      }
      for (Future<Void> future : work) {
        future.get(5, TimeUnit.MINUTES); // rethrows any unexpected exception
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue("nothing was acknowledged", acked.get() > 0);
    assertTrue("no misuse was refused", refused.get() > 0);
  }

  private Callable<Void> rounds(final Random random, final ExecutorService pool) {
    return new Callable<Void>() {
      @Override
      public Void call() throws Exception {
        for (int round = 0; round < ROUNDS; ++round) {
          oneRound(random, pool);
        }
        return null;
      }
    };
  }

  /** What one JMeter thread does over a test, plus the misuses a buggy caller could make. */
  private void oneRound(Random random, ExecutorService pool) throws Exception {
    NativeConnection connection = connect();
    final NativeProducer producer = connection.openProducer(Outcomes.config(topic, "{{seq}}"));
    ProduceOutcome outcome = new ProduceOutcome();
    producer.produce(1 + random.nextInt(50), outcome);
    assertTrue(outcome.errorMessage(), outcome.isSuccess());
    acked.addAndGet(outcome.acked());

    // A second thread on the same session while this one produces: one of them is refused.
    Future<Void> sharing = pool.submit(produceExpectingRefusal(producer));
    produceExpectingRefusal(producer).call();
    sharing.get();

    producer.interrupt(); // between calls: only counted, the next call starts afresh
    NativeConsumer consumer = connection.openConsumer(consumerOf(topic));
    ConsumeOutcome consumed = new ConsumeOutcome();
    consumer.consume(100, random.nextInt(100), consumed);

    // Close racing with a call in progress on another thread.
    final long stale = producer.handle();
    Future<Void> racing = pool.submit(produceExpectingRefusal(producer));
    Thread.sleep(random.nextInt(5));
    producer.close();
    racing.get();
    consumer.close();
    consumer.close();
    expectRefused(stale, outcome);
    expectRefused(random.nextLong(), outcome);
    expectRefused(connection.handle(), outcome); // wrong kind of handle
    connection.close();
  }

  private Callable<Void> produceExpectingRefusal(final NativeProducer producer) {
    return new Callable<Void>() {
      @Override
      public Void call() {
        try {
          ProduceOutcome outcome = new ProduceOutcome();
          producer.produce(20, outcome);
          acked.addAndGet(outcome.acked());
        } catch (IllegalStateException expected) {
          refused.incrementAndGet(); // in use by the other thread, or closed meanwhile
        }
        return null;
      }
    };
  }

  private void expectRefused(long handle, ProduceOutcome outcome) {
    try {
      NativeKafka.produce(handle, 1, outcome);
    } catch (IllegalStateException expected) {
      refused.incrementAndGet();
      return;
    }
    throw new AssertionError("handle " + handle + " was accepted");
  }

  private static ConsumerConfig consumerOf(String topic) {
    ConsumerConfig config = new ConsumerConfig();
    config.assignments.add(new ConsumerConfig.Assignment(topic, 0, -2));
    config.commit = ConsumerConfig.CommitMode.NONE;
    return config;
  }

  @Test
  public void forgedHandlesAreRefusedByEveryEntryPoint() {
    long forged = 0x7eadbeefL;
    int refusals = 0;
    try {
      NativeKafka.consume(forged, 1, 0, new ConsumeOutcome());
    } catch (IllegalStateException expected) {
      ++refusals;
    }
    try {
      NativeKafka.finish(forged, new ProduceOutcome());
    } catch (IllegalStateException expected) {
      ++refusals;
    }
    try {
      NativeKafka.connectionSummary(forged, NativeKafka.SummaryForm.TEXT);
    } catch (IllegalStateException expected) {
      ++refusals;
    }
    try {
      NativeKafka.closeProducer(forged);
    } catch (IllegalStateException expected) {
      ++refusals;
    }
    NativeKafka.interrupt(forged); // nothing to interrupt: no error
    assertEquals(4, refusals);
  }
}

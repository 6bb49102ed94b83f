package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.KafkaNativeException;
import io.kafkanative.jmeter.core.NativeHandle;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jmeter.config.ConfigTestElement;
import org.apache.jmeter.samplers.AbstractSampler;
import org.apache.jmeter.samplers.Entry;
import org.apache.jmeter.samplers.Interruptible;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.samplers.Sampler;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testelement.ThreadListener;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jorphan.logging.LoggingManager;
import org.apache.log.Logger;
import io.kafkanative.jmeter.connection.ConnectionRegistry;
import io.kafkanative.jmeter.connection.UnusableConnectionException;
import io.kafkanative.jmeter.plan.FieldDefaults;
import io.kafkanative.jmeter.plan.PlanVariables;
import io.kafkanative.jmeter.results.KafkaSampleResult;

/**
 * What the Kafka samplers share: they find their Kafka Connection by name, and each JMeter
 * thread's clone owns a native session that it closes when the thread ends.
 */
public abstract class AbstractKafkaSampler extends AbstractSampler
    implements TestBean, ThreadListener, Interruptible {
  private static final long serialVersionUID = 1L;

  private static final Logger LOG = LoggingManager.getLoggerForClass();
  /** Kinds of failure already logged, so a misconfigured sampler logs one line per kind. */
  private static final Set<String> LOGGED =
      Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

  /**
   * Errors a session refuses to open with because of its settings, or the Schema Registry's
   * refusal of them (credentials, unknown subject or version, incompatible or invalid schema):
   * none heals while the test runs. A registry that cannot be reached is {@code
   * _SCHEMA_REGISTRY_UNAVAILABLE}, which may heal (the native client backs off).
   */
  private static final Set<String> CONFIGURATION_ERRORS =
      new HashSet<String>(
          Arrays.asList("_INVALID_ARG", "MSG_SIZE_TOO_LARGE", "_NATIVE_LIBRARY", "_SCHEMA_REGISTRY"));

  /** What one sample counts as in JMeter's listeners; see DESIGN.md, "Result mapping". */
  static final String[] SAMPLE_COUNTS = {"messages", "samples"};

  private String connectionName = "kafka";
  private String sampleCounts = SAMPLE_COUNTS[0];

  /**
   * Set when a property changes value. JMeter calls every setter before every sample (to apply
   * variables), so sessions are reopened only when a value really changed, and an unchanged
   * sample builds no configuration at all.
   */
  private transient boolean settingsChanged = true;

  protected AbstractKafkaSampler() {
    FieldDefaults.set(this);
  }

  /** Notes that a setting goes from {@code old} to {@code value}; returns {@code value}. */
  protected final <T> T setting(T old, T value) {
    if (!java.util.Objects.equals(old, value)) {
      settingsChanged = true;
    }
    return value;
  }

  // Primitive twins, so a per-sample setter boxes nothing.
  protected final int setting(int old, int value) {
    settingsChanged |= old != value;
    return value;
  }

  protected final long setting(long old, long value) {
    settingsChanged |= old != value;
    return value;
  }

  protected final double setting(double old, double value) {
    settingsChanged |= Double.compare(old, value) != 0;
    return value;
  }

  protected final boolean setting(boolean old, boolean value) {
    settingsChanged |= old != value;
    return value;
  }

  /** Whether a setting changed since the last call (the first call: true). */
  protected final boolean takeSettingsChanged() {
    boolean changed = settingsChanged;
    settingsChanged = false;
    return changed;
  }

  /** Closes this thread's native session, if open. */
  protected abstract void closeSession();

  /** This thread's open native session, or null. */
  protected abstract NativeHandle session();

  /** JMeter's Stop: the sample in progress ends at once, reported with {@code _INTR}. */
  @Override
  public boolean interrupt() {
    NativeHandle open = session();
    if (open != null) {
      open.interrupt();
    }
    return open != null;
  }

  /** Opens this thread's session, or reopens it after a setting changed. */
  protected abstract void openSession();

  /** The sample's one native call, on the open session. */
  protected abstract void runNative();

  /** Records an error raised before or instead of the native call's own outcome. */
  protected abstract void recordFailure(String errorName, String message);

  /** Maps the native outcome onto the sample's result. */
  protected abstract void fillResult(KafkaSampleResult result);

  /** Each kind of failure (response code) of a sampler goes to jmeter.log once, not per sample. */
  private void logFirstOfItsKind(SampleResult result) {
    if (LOGGED.add(getName() + '\n' + result.getResponseCode())) {
      LOG.error(getName() + ": " + result.getResponseCode() + " " + result.getResponseMessage());
    }
  }

  /** One sample: timed around the native call; every failure becomes a failed sample. */
  @Override
  public SampleResult sample(Entry entry) {
    KafkaSampleResult result = new KafkaSampleResult();
    result.setSampleLabel(getName());
    result.sampleStart();
    boolean planBroken = false;
    try {
      openSession();
      runNative();
    } catch (KafkaNativeException e) {
      refused(e.getErrorName(), e.getMessage());
      planBroken = isPlanBroken(e);
    } catch (RuntimeException e) { // IllegalStateException from a closed session, and the like
      refused("_FAIL", e.toString());
    } finally {
      result.sampleEnd();
    }
    fillResult(result);
    if (planBroken) {
      stopThread(result);
    }
    if (!result.isSuccessful()) {
      logFirstOfItsKind(result);
    }
    return result;
  }

  /** A failure before anything was sent or received: the sample's, and the summary's. */
  private void refused(String errorName, String message) {
    recordFailure(errorName, message);
    ConnectionRegistry.refused(connectionName).note(getName(), errorName + " " + message);
  }

  /**
   * Whether a refusal will recur on every later sample of this thread: a connection that did
   * not open (connections open once per test), or settings refused as invalid while none of
   * them can change between iterations. Anything else (a broker not ready, a variable's value,
   * a message the broker refused) may heal, so its samples go on failing one by one.
   */
  private boolean isPlanBroken(KafkaNativeException e) {
    if (e instanceof UnusableConnectionException) {
      return true;
    }
    if (!CONFIGURATION_ERRORS.contains(e.getErrorName())) {
      return false;
    }
    Sampler running = JMeterContextService.getContext().getCurrentSampler();
    return !PlanVariables.vary(running != null ? running : this);
  }

  /**
   * JMeter's own answer to a sampler that cannot work (the Thread Group's "Stop Thread" on
   * error): this thread ends after this one failed sample, instead of failing at full speed
   * until the test ends. Other threads and thread groups go on; every thread of this group
   * stops the same way at its first sample, so the plan's error shows as a handful of samples.
   */
  private static void stopThread(KafkaSampleResult result) {
    result.setStopThread(true);
    result.setResponseMessage(
        result.getResponseMessage() + " [a configuration error no later sample can fix: this"
            + " thread stops]");
  }

  /** Connection settings are never merged into the sampler: it finds its connection by name. */
  @Override
  public boolean applies(ConfigTestElement configElement) {
    return false;
  }

  @Override
  public void threadStarted() {}

  @Override
  public void threadFinished() {
    closeSession();
  }

  /** Whether a sample counts as its messages (else as one sample) in JMeter's listeners. */
  protected final boolean countsMessages() {
    return KafkaProducerSampler.choice("sample counts", sampleCounts, SAMPLE_COUNTS) == 0;
  }

  public String getSampleCounts() {
    return sampleCounts;
  }

  public void setSampleCounts(String sampleCounts) {
    this.sampleCounts = setting(this.sampleCounts, sampleCounts);
  }

  public String getConnectionName() {
    return connectionName;
  }

  public void setConnectionName(String connectionName) {
    this.connectionName = setting(this.connectionName, connectionName);
  }
}

package io.kafkanative.jmeter;

import java.beans.PropertyDescriptor;
import org.apache.jmeter.testbeans.BeanInfoSupport;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testbeans.gui.TypeEditor;

/**
 * What the elements' GUI descriptions share: default-value helpers and tooltips that wrap. A
 * tooltip is a Swing label, one line unless it is HTML with a width, and our longer ones
 * (templates, fault schedules) would run off the screen.
 */
abstract class KafkaBeanInfo extends BeanInfoSupport {
  /** Tooltips longer than this wrap at {@link #TOOLTIP_WIDTH_PX}. */
  private static final int ONE_LINE_CHARS = 80;

  private static final int TOOLTIP_WIDTH_PX = 420;

  protected KafkaBeanInfo(Class<? extends TestBean> beanClass) {
    super(beanClass);
    for (PropertyDescriptor property : getPropertyDescriptors()) {
      property.setShortDescription(wrapped(property.getShortDescription()));
    }
  }

  /** {@code text} as a tooltip that wraps, if it is too long for one line. */
  static String wrapped(String text) {
    if (text == null || text.length() <= ONE_LINE_CHARS || text.startsWith("<html>")) {
      return text;
    }
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return "<html><body style='width: " + TOOLTIP_WIDTH_PX + "px'>" + escaped + "</body></html>";
  }

  static void required(PropertyDescriptor property, Object defaultValue) {
    property.setValue(NOT_UNDEFINED, Boolean.TRUE);
    property.setValue(DEFAULT, defaultValue);
  }

  /** A drop-down of fixed choices, the first being the default; ${...} is still allowed. */
  static void choices(PropertyDescriptor property, String[] tags) {
    required(property, tags[0]);
    property.setValue(NOT_OTHER, Boolean.TRUE);
    property.setValue(TAGS, tags);
  }

  /**
   * The groups a consumer and a processor share, after their own: polling, stamps, last
   * message and results, with their defaults.
   */
  protected final void consumingGroups(int messagesPerSample) {
    createPropertyGroup(
        "polling",
        new String[] {"messagesPerSample", "pollTimeoutMs", "emptyIsFailure", "topicWaitSeconds"});
    createPropertyGroup("stamps", new String[] {"stampsFrom"});
    createPropertyGroup(
        "schema", new String[] {"valueFormat", "valueSchemaFile", "valueMessageName", "schemaFolders"});
    createPropertyGroup("variables", new String[] {"variablePrefix", "responseBytes"});
    required(property("messagesPerSample"), Integer.valueOf(messagesPerSample));
    required(property("pollTimeoutMs"), Long.valueOf(1000));
    required(property("emptyIsFailure"), Boolean.FALSE);
    required(property("topicWaitSeconds"), Long.valueOf(60));
    choices(property("stampsFrom"), KafkaConsumerSampler.STAMP_SOURCES);
    choices(property("valueFormat"), KafkaProducerSampler.FORMATS);
    required(property("valueSchemaFile", TypeEditor.FileEditor), "");
    required(property("valueMessageName"), "");
    required(property("schemaFolders"), "");
    required(property("variablePrefix"), "");
    required(property("responseBytes"), Integer.valueOf(200));
    resultsGroup();
  }

  /** The "results" group every sampler has: what a sample counts as in JMeter's listeners. */
  protected final void resultsGroup() {
    createPropertyGroup("results", new String[] {"sampleCounts"});
    choices(property("sampleCounts"), AbstractKafkaSampler.SAMPLE_COUNTS);
  }
}

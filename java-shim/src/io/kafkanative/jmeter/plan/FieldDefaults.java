package io.kafkanative.jmeter.plan;

import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.jmeter.testbeans.gui.GenericTestBeanCustomizer;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.property.BooleanProperty;
import org.apache.jmeter.testelement.property.IntegerProperty;
import org.apache.jmeter.testelement.property.JMeterProperty;
import org.apache.jmeter.testelement.property.LongProperty;
import org.apache.jmeter.testelement.property.StringProperty;

/**
 * Gives a new element every field's documented default (the DEFAULT its BeanInfo declares) as a
 * property. JMeter makes an element with its no-argument constructor and then sets the
 * properties a saved plan has, so a field the plan lacks (a plan from an older release, or
 * written by hand) keeps its default. Without this, JMeter's TestBeanHelper turns a missing
 * required property into the conversion of "" — 0 for a number, false for a boolean — before
 * every sample; in JMeter 5.5 a missing delivery timeout became 0: no limit.
 */
public final class FieldDefaults {
  /** Each element class's fields with a default, as properties to copy. */
  private static final ClassValue<List<JMeterProperty>> DEFAULTS =
      new ClassValue<List<JMeterProperty>>() {
        @Override
        protected List<JMeterProperty> computeValue(Class<?> type) {
          List<JMeterProperty> defaults = new ArrayList<JMeterProperty>();
          for (PropertyDescriptor field : descriptors(type)) {
            Object value = field.getValue(GenericTestBeanCustomizer.DEFAULT);
            if (value != null) {
              defaults.add(property(field.getName(), value));
            }
          }
          return Collections.unmodifiableList(defaults);
        }
      };

  private FieldDefaults() {}

  /** Sets every field of {@code element} that has a default to it. */
  public static void set(TestElement element) {
    for (JMeterProperty value : DEFAULTS.get(element.getClass())) {
      element.setProperty(value.clone());
    }
  }

  private static PropertyDescriptor[] descriptors(Class<?> type) {
    try {
      BeanInfo info = Introspector.getBeanInfo(type);
      return info.getPropertyDescriptors();
    } catch (IntrospectionException e) {
      throw new IllegalStateException("no bean description of " + type.getName(), e);
    }
  }

  /** The property JMeter's own GUI would save for this value's type. */
  private static JMeterProperty property(String name, Object value) {
    if (value instanceof Boolean) {
      return new BooleanProperty(name, (Boolean) value);
    }
    if (value instanceof Integer) {
      return new IntegerProperty(name, (Integer) value);
    }
    if (value instanceof Long) {
      return new LongProperty(name, (Long) value);
    }
    return new StringProperty(name, value.toString());
  }
}

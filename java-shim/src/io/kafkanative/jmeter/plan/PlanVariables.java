package io.kafkanative.jmeter.plan;

import java.util.regex.Pattern;
import org.apache.jmeter.engine.util.CompoundVariable;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.property.FunctionProperty;
import org.apache.jmeter.testelement.property.JMeterProperty;
import org.apache.jmeter.testelement.property.MultiProperty;
import org.apache.jmeter.testelement.property.PropertyIterator;

/**
 * Whether an element's settings can change from one iteration to the next. JMeter turns every
 * {@code ${...}} in a plan into a function property at test start; JMeter properties
 * ({@code __P}, {@code __property}) are fixed for the run, so only the other references
 * (variables, functions such as {@code __Random} or {@code __CSVRead}) vary.
 */
public final class PlanVariables {
  /** A property read without a nested reference in its arguments. */
  private static final Pattern FIXED_PROPERTY = Pattern.compile("\\$\\{__(P|property)\\([^${}]*\\)\\}");

  private PlanVariables() {}

  /** Whether any setting of {@code element} (nested ones included) depends on the iteration. */
  public static boolean vary(TestElement element) {
    PropertyIterator properties = element.propertyIterator();
    while (properties.hasNext()) {
      if (varies(properties.next())) {
        return true;
      }
    }
    return false;
  }

  private static boolean varies(JMeterProperty property) {
    if (property instanceof FunctionProperty) {
      return varies(((CompoundVariable) property.getObjectValue()).getRawParameters());
    }
    if (property instanceof MultiProperty) {
      PropertyIterator nested = ((MultiProperty) property).iterator();
      while (nested.hasNext()) {
        if (varies(nested.next())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether raw plan text refers to anything but JMeter properties. */
  public static boolean varies(String raw) {
    return FIXED_PROPERTY.matcher(raw).replaceAll("").contains("${");
  }
}

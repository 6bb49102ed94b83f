package io.kafkanative.launcher;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Starts Debian's JMeter 2.13 on Java 17.
 *
 * <p>Debian ships JMeter 2.13 with a current XStream, whose default security framework rejects
 * every class JMeter 2.13 never allow-listed, so loading any plan fails with {@code
 * ForbiddenClassException: org.apache.jmeter.save.ScriptWrapper}. This launcher initialises
 * {@code SaveService} inside JMeter's own class loader, adds type permissions to its two XStream
 * instances, and then hands over to {@code NewDriver.main} unchanged. Everything is reflective
 * because JMeter's classes live in the class loader that {@code NewDriver} builds at start.
 */
public final class Jmeter213Launcher {
  private static final String[] ALLOWED_TYPES = {
    "org.apache.jmeter.**", "org.apache.jorphan.**", "java.**", "io.kafkanative.**"
  };

  private Jmeter213Launcher() {}

  public static void main(String[] args) throws Exception {
    Class<?> newDriver = Class.forName("org.apache.jmeter.NewDriver");
    ClassLoader jmeterLoader = (ClassLoader) staticField(newDriver, "loader");
    Thread.currentThread().setContextClassLoader(jmeterLoader);

    prepare(jmeterLoader, (String) newDriver.getMethod("getJMeterDir").invoke(null));
    newDriver.getMethod("main", String[].class).invoke(null, (Object) args);
  }

  /**
   * Loads JMeter's properties from {@code home} and allow-lists the plan types, with JMeter's
   * classes from {@code jmeterLoader}: what a program embedding JMeter 2.13's engine on Java 17
   * must do before loading a plan.
   */
  public static void prepare(ClassLoader jmeterLoader, String home) throws Exception {
    Class<?> utils = Class.forName("org.apache.jmeter.util.JMeterUtils", true, jmeterLoader);
    utils.getMethod("setJMeterHome", String.class).invoke(null, home);
    utils
        .getMethod("loadJMeterProperties", String.class)
        .invoke(null, home + File.separator + "bin" + File.separator + "jmeter.properties");

    Class<?> saveService = Class.forName("org.apache.jmeter.save.SaveService", true, jmeterLoader);
    allowTypes(staticField(saveService, "JMXSAVER"));
    allowTypes(staticField(saveService, "JTLSAVER"));
  }

  private static Object staticField(Class<?> owner, String name) throws Exception {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(null);
  }

  private static void allowTypes(Object xstream) throws Exception {
    Method allow = xstream.getClass().getMethod("allowTypesByWildcard", String[].class);
    allow.invoke(xstream, (Object) ALLOWED_TYPES);
  }
}

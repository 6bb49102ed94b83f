package io.kafkanative.e2e;

import io.kafkanative.launcher.Jmeter213Launcher;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.apache.jmeter.engine.StandardJMeterEngine;
import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.logging.LoggingManager;

/**
 * Runs one plan ten times in one JVM with JMeter's own engine, as a GUI user pressing Start
 * and waiting for the end does, and checks that each run gives back what it took: the
 * process's threads (native ones included), file descriptors and resident memory, measured by
 * the kernel, stay within a stated bound of what they were after the first two runs.
 *
 * <p>Usage: RepeatedRuns JMETER_HOME PLAN [name=value ...] (the values become JMeter
 * properties, as -J does).
 */
public final class RepeatedRuns {
  private static final int RUNS = 10;
  private static final int WARM_UP_RUNS = 2;
  private static final long MAX_EXTRA_THREADS = 2;
  private static final long MAX_EXTRA_DESCRIPTORS = 8;
  private static final long MAX_EXTRA_RESIDENT_KB = 64 * 1024;

  private RepeatedRuns() {}

  public static void main(String[] args) throws Exception {
    Jmeter213Launcher.prepare(RepeatedRuns.class.getClassLoader(), args[0]);
    JMeterUtils.getJMeterProperties().setProperty("log_file", "jmeter.log");
    LoggingManager.initializeLogging(JMeterUtils.getJMeterProperties());
    JMeterUtils.initLocale();
    for (int i = 2; i < args.length; ++i) {
      String[] property = args[i].split("=", 2);
      JMeterUtils.getJMeterProperties().setProperty(property[0], property[1]);
    }
    long[] baseline = null;
    for (int run = 1; run <= RUNS; ++run) {
      runOnce(new File(args[1]));
      System.gc(); // what the heap holds no longer counts against the run
      long[] now = {threads(), descriptors(), residentKb()};
      System.out.printf("run %2d: %d threads, %d descriptors, %d MB resident%n",
          run, now[0], now[1], now[2] / 1024);
      if (run == WARM_UP_RUNS) {
        baseline = now;
      } else if (run > WARM_UP_RUNS) {
        check(run, "threads", now[0], baseline[0] + MAX_EXTRA_THREADS);
        check(run, "file descriptors", now[1], baseline[1] + MAX_EXTRA_DESCRIPTORS);
        check(run, "resident KB", now[2], baseline[2] + MAX_EXTRA_RESIDENT_KB);
      }
    }
    System.out.println("RepeatedRuns: " + RUNS + " runs, nothing left behind beyond the bounds");
    System.exit(0); // JMeter's non-daemon helper threads would keep the JVM up
  }

  private static void runOnce(File plan) throws Exception {
    HashTree tree = SaveService.loadTree(plan);
    org.apache.jmeter.JMeter.convertSubTree(tree);
    StandardJMeterEngine engine = new StandardJMeterEngine();
    engine.configure(tree);
    engine.runTest();
    Thread.sleep(500); // runTest returns before the engine thread marks itself active
    while (engine.isActive()) {
      Thread.sleep(100);
    }
  }

  private static void check(int run, String what, long value, long bound) {
    if (value > bound) {
      System.err.println("FAIL: run " + run + " left " + value + " " + what + ", bound " + bound);
      System.exit(1);
    }
  }

  private static long threads() throws Exception {
    return statusField("Threads:");
  }

  private static long residentKb() throws Exception {
    return statusField("VmRSS:");
  }

  private static long descriptors() {
    return new File("/proc/self/fd").list().length;
  }

  private static long statusField(String name) throws Exception {
    List<String> lines = Files.readAllLines(Paths.get("/proc/self/status"), StandardCharsets.UTF_8);
    for (String line : lines) {
      if (line.startsWith(name)) {
        return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
      }
    }
    throw new IllegalStateException("no " + name + " in /proc/self/status");
  }
}

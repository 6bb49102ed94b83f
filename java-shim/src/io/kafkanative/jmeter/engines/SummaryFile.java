package io.kafkanative.jmeter.engines;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jorphan.logging.LoggingManager;
import org.apache.log.Logger;

/** A native summary written as a JSON file, for scripts/report; failures are logged, not thrown. */
public final class SummaryFile {
  private static final Logger LOG = LoggingManager.getLoggerForClass();

  private SummaryFile() {}

  /** Writes {@code json} to {@code file}; {@code whose} names the summary in the log line. */
  public static void write(File file, String json, String whose) {
    try (OutputStream out = new FileOutputStream(file)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
      LOG.info(whose + " summary written to " + file);
    } catch (IOException e) {
      LOG.error("cannot write " + whose + " summary file " + file + ": " + e);
    }
  }
}

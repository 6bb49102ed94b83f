package io.kafkanative.jmeter.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.jorphan.logging.LoggingManager;
import org.apache.log.Logger;

/**
 * Writes lines to an InfluxDB write endpoint ({@code http(s)://host:8086/write?db=...}) in
 * batches, from one thread. An unreachable or failing InfluxDB (connection refused, timeout, a
 * 5xx or 429 answer) is retried with a growing pause while the lines wait, at most {@code
 * capacity} of them (the oldest are dropped beyond); an answer that refuses the lines
 * themselves (another 4xx: a missing database, bad credentials) drops them. Every dropped line
 * is counted; each kind of trouble is logged once, and its end once.
 */
public final class InfluxSender {
  private static final Logger LOG = LoggingManager.getLoggerForClass();
  /** Lines per request: InfluxDB's guidance is 5 000 to 10 000. */
  static final int BATCH = 5000;
  private static final long FIRST_PAUSE_MILLIS = 500;
  private static final long LONGEST_PAUSE_MILLIS = 10_000;

  private final URL url;
  private final String token;
  private final int capacity;
  private final int timeoutMillis;
  private final Deque<String> pending = new ArrayDeque<String>();
  private long written;
  private long dropped;
  private long pauseMillis;
  private long retryAtNanos;
  private String trouble;  // the trouble logged and not yet over, null when none

  /** {@code token}: InfluxDB 2's API token (sent as "Token ..."), empty for none. */
  public InfluxSender(URL url, String token, int capacity, int timeoutMillis) {
    this.url = url;
    this.token = token;
    this.capacity = capacity;
    this.timeoutMillis = timeoutMillis;
  }

  /** Queues {@code lines}; beyond the capacity the oldest queued lines are dropped. */
  public void add(List<String> lines) {
    pending.addAll(lines);
    int over = pending.size() - capacity;
    for (int i = 0; i < over; i++) {
      pending.removeFirst();
    }
    if (over > 0) {
      dropped += over;
      troubled("dropping the oldest points: more than " + capacity + " are waiting");
    }
  }

  /** Sends what is queued, batch by batch, unless a pause after a failure is still running. */
  public void send() {
    while (!pending.isEmpty() && System.nanoTime() - retryAtNanos >= 0) {
      if (!sendBatch()) {
        return;
      }
    }
  }

  /**
   * Sends what is queued, at once, until nothing is or a request fails or {@code millis} have
   * passed (a test's end does not wait out an InfluxDB that is down); drops what is left.
   */
  public void flush(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    retryAtNanos = System.nanoTime();
    while (!pending.isEmpty() && deadline - System.nanoTime() > 0 && sendBatch()) {
      // batch after batch
    }
    dropped += pending.size();
    pending.clear();
  }

  public long written() {
    return written;
  }

  public long dropped() {
    return dropped;
  }

  /** One request; false when it failed (and the lines wait for the pause to end). */
  private boolean sendBatch() {
    StringBuilder body = new StringBuilder();
    int lines = 0;
    for (String line : pending) {
      if (lines == BATCH) {
        break;
      }
      body.append(line).append('\n');
      lines++;
    }
    int status;
    try {
      status = post(body.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return failed("unreachable (" + e + ")");
    }
    if (status / 100 == 2) {
      remove(lines);
      written += lines;
      pauseMillis = 0;
      if (trouble != null) {
        LOG.info("InfluxDB at " + url + " takes points again (" + dropped + " dropped so far)");
        trouble = null;
      }
      return true;
    }
    if (status == 429 || status / 100 == 5) {
      return failed("answers HTTP " + status);
    }
    remove(lines);  // refused for what they are: sending them again would not help
    dropped += lines;
    troubled("refuses the points with HTTP " + status + " (check the database, the URL and"
        + " the token); they are dropped");
    return true;
  }

  private int post(byte[] body) throws IOException {
    HttpURLConnection http = (HttpURLConnection) url.openConnection();
    try {
      http.setConnectTimeout(timeoutMillis);
      http.setReadTimeout(timeoutMillis);
      http.setDoOutput(true);
      http.setRequestMethod("POST");
      http.setRequestProperty("Content-Type", "text/plain; charset=utf-8");
      if (!token.isEmpty()) {
        http.setRequestProperty("Authorization", "Token " + token);
      }
      http.setFixedLengthStreamingMode(body.length);
      OutputStream out = http.getOutputStream();
      try {
        out.write(body);
      } finally {
        out.close();
      }
      int status = http.getResponseCode();
      drain(status / 100 == 2 ? http.getInputStream() : http.getErrorStream());
      return status;
    } finally {
      http.disconnect();
    }
  }

  /** Reads an answer to its end, so the connection can be reused. */
  private static void drain(InputStream in) throws IOException {
    if (in == null) {
      return;
    }
    try {
      byte[] buffer = new byte[4096];
      while (in.read(buffer) >= 0) {
        // nothing to keep
      }
    } finally {
      in.close();
    }
  }

  private boolean failed(String what) {
    pauseMillis = pauseMillis == 0 ? FIRST_PAUSE_MILLIS
        : Math.min(LONGEST_PAUSE_MILLIS, pauseMillis * 2);
    retryAtNanos = System.nanoTime() + pauseMillis * 1_000_000L;
    troubled(what + "; retrying while up to " + capacity + " points wait");
    return false;
  }

  private void troubled(String what) {
    String text = "InfluxDB at " + url + " " + what;
    if (trouble == null || !trouble.equals(what)) {
      LOG.warn(text + ". The test goes on.");
      trouble = what;
    }
  }

  private void remove(int lines) {
    for (int i = 0; i < lines; i++) {
      pending.removeFirst();
    }
  }
}

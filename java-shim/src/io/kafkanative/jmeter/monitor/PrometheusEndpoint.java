package io.kafkanative.jmeter.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.kafkanative.jmeter.connection.ConnectionRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jorphan.logging.LoggingManager;
import org.apache.log.Logger;

/**
 * The engine's Prometheus endpoint ({@code http://ADDRESS:PORT/metrics}): the native figures of
 * every Kafka Connection (PrometheusText), read at each scrape. One per JVM, opened with the
 * test's first connection and closed with its last; at the close it keeps serving until it is
 * scraped once more (at most {@code lingerMillis}), so Prometheus holds the final totals.
 */
public final class PrometheusEndpoint {
  private static final Logger LOG = LoggingManager.getLoggerForClass();
  private static PrometheusEndpoint open;  // guarded by the class
  private static int users;  // guarded by the class

  private final HttpServer server;
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong served = new AtomicLong();
  private final AtomicLong cpuNanos = new AtomicLong();  // what serving cost, for the log

  private PrometheusEndpoint(HttpServer server) {
    this.server = server;
  }

  /**
   * Opens the endpoint on {@code address}:{@code port} for one more user (a connection), or
   * counts the user in if it is open. A port that cannot be bound is logged, and the test goes
   * on without the endpoint.
   */
  public static synchronized void open(String address, int port) {
    users++;
    if (open != null || users > 1) {
      return;
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
      final PrometheusEndpoint endpoint = new PrometheusEndpoint(server);
      server.createContext("/metrics", new HttpHandler() {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
          endpoint.serve(exchange);
        }
      });
      server.start();
      open = endpoint;
      LOG.info("Kafka figures for Prometheus at http://" + address + ":" + port + "/metrics");
    } catch (IOException | RuntimeException e) {
      LOG.error("Kafka Prometheus endpoint: cannot listen on " + address + ":" + port + " ("
          + e + "); the test goes on without it (choose another kafka.prometheus.port)");
    }
  }

  /** One user fewer; the last closes the endpoint once scraped again or after the linger. */
  public static void close(long lingerMillis) throws InterruptedException {
    PrometheusEndpoint endpoint;
    synchronized (PrometheusEndpoint.class) {
      if (users == 0 || --users > 0 || open == null) {
        return;
      }
      endpoint = open;
      open = null;
    }
    endpoint.lingerThenStop(lingerMillis);
  }

  /** Waits for a scrape that began after the final figures and for its answer. */
  private void lingerThenStop(long lingerMillis) throws InterruptedException {
    long seen = started.get();
    long deadline = System.nanoTime() + lingerMillis * 1_000_000L;
    while ((started.get() == seen || served.get() < started.get())
        && deadline - System.nanoTime() > 0) {
      Thread.sleep(20);
    }
    server.stop(0);
    LOG.info("Kafka Prometheus endpoint: " + served.get() + " scrapes served in "
        + cpuNanos.get() / 1_000_000 + " ms of CPU");
  }

  private void serve(HttpExchange exchange) throws IOException {
    started.incrementAndGet();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuBefore = threads.getCurrentThreadCpuTime();
    try {
      byte[] body = PrometheusText.render(ConnectionRegistry.figures())
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body);
      out.close();
      served.incrementAndGet();
    } finally {
      exchange.close();
      cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuBefore);
    }
  }
}

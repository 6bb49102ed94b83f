package io.kafkanative.jmeter.monitor;

import static org.junit.Assert.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The sender against an HTTP server that answers as told: lines wait through failures that
 * heal, are dropped (counted) when refused for what they are or when too many wait.
 */
public class InfluxSenderTest {
  private HttpServer server;
  private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<Integer>();
  private final List<String> bodies = new ArrayList<String>();

  @Before
  public void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
    server.createContext("/write", new HttpHandler() {
      @Override
      public void handle(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) > 0; ) {
          body.write(buffer, 0, n);
        }
        Integer status = answers.poll();
        synchronized (bodies) {
          bodies.add(body.toString("UTF-8"));
        }
        exchange.sendResponseHeaders(status == null ? 204 : status, -1);
        exchange.close();
      }
    });
    server.start();
  }

  @After
  public void stop() {
    server.stop(0);
  }

  private InfluxSender sender(int capacity) throws IOException {
    return new InfluxSender(
        new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/write?db=x"), "", capacity,
        2000);
  }

  @Test
  public void linesWaitThroughAFailureThatHeals() throws Exception {
    answers.add(503);
    InfluxSender sender = sender(100);
    sender.add(Arrays.asList("a 1", "b 2"));
    sender.send();  // 503: kept
    assertEquals(0, sender.written());
    sender.flush(5000);
    assertEquals(2, sender.written());
    assertEquals(0, sender.dropped());
    assertEquals("a 1\nb 2\n", bodies.get(1));
  }

  @Test
  public void linesRefusedForWhatTheyAreAreDropped() throws Exception {
    answers.add(400);
    InfluxSender sender = sender(100);
    sender.add(Arrays.asList("bad", "worse"));
    sender.send();
    assertEquals(2, sender.dropped());
    sender.add(Arrays.asList("good 1"));
    sender.send();
    assertEquals(1, sender.written());
  }

  @Test
  public void beyondTheCapacityTheOldestAreDropped() throws Exception {
    InfluxSender sender = sender(3);
    sender.add(Arrays.asList("1", "2", "3", "4", "5"));
    assertEquals(2, sender.dropped());
    sender.flush(5000);
    assertEquals("3\n4\n5\n", bodies.get(0));
  }

  @Test
  public void aDeadServerCostsTheEndNoWait() throws Exception {
    InfluxSender sender = sender(100);
    server.stop(0);
    sender.add(Arrays.asList("1", "2"));
    long start = System.nanoTime();
    sender.flush(60_000);
    assertEquals(2, sender.dropped());
    assertEquals(true, System.nanoTime() - start < 10_000_000_000L);
  }
}

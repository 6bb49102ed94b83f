package io.kafkanative.jmeter.monitor;

import io.kafkanative.jmeter.connection.ConnectionRegistry;
import io.kafkanative.jmeter.live.SamplerFigures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows every open connection's per-second readings (NativeConnection.liveSeconds) and turns
 * each second it has not seen into points: one per sampler and one for the connection, the
 * difference of the readings at the second's two ends. The readings are taken natively at the
 * boundaries of the connection's timeline, so each point's second is the run report's second,
 * however late this follower reads. A follower that falls behind the readings the core keeps
 * merges the seconds it missed into one point; the counts still sum to the totals exactly.
 */
public final class SecondsFollower {
  /** What is known of one connection: its start, last second taken, and figures then. */
  private static final class Followed {
    long startEpochMicros;
    long lastSecond = -1;
    Map<String, SamplerFigures> previous = new HashMap<String, SamplerFigures>();
  }

  private final double[] percentiles;
  private final Map<String, Followed> followed = new HashMap<String, Followed>();
  /** The final figures of connections closed before this follower began (an earlier test's). */
  private final Map<String, String> earlier;

  public SecondsFollower(double[] percentiles) {
    this.percentiles = percentiles.clone();
    this.earlier = ConnectionRegistry.figures();
  }

  /** The points of every second that ended since the last call. */
  public List<LivePoint> poll() {
    List<LivePoint> points = new ArrayList<LivePoint>();
    for (Map.Entry<String, String> connection : ConnectionRegistry.liveSeconds().entrySet()) {
      Followed state = followed.get(connection.getKey());
      if (state == null) {
        state = new Followed();
        followed.put(connection.getKey(), state);
      }
      take(connection.getKey(), connection.getValue(), state, points);
    }
    return points;
  }

  /**
   * The points from the last second taken to the end, for every connection followed: call
   * once the samplers are done (a closed connection's final figures stay readable). Their
   * rates run to the connection's close (or now, if it is open).
   */
  public List<LivePoint> finish() {
    List<LivePoint> points = poll();  // connections still open, and any not seen yet
    for (Map.Entry<String, String> connection : ConnectionRegistry.figures().entrySet()) {
      String figures = connection.getValue();
      long endMicros = ConnectionRegistry.closedAtMillis(connection.getKey()) * 1000;
      Followed state = followed.get(connection.getKey());
      if (state == null) {
        if (figures.equals(earlier.get(connection.getKey()))) {
          continue;  // an earlier test's
        }
        state = new Followed();  // opened and closed between two polls: one point
        state.startEpochMicros = endMicros - 1_000_000L;
      }
      long from = state.startEpochMicros + (state.lastSecond + 1) * 1_000_000L;
      double seconds = Math.max(0.001, (endMicros - from) / 1e6);
      addPoints(connection.getKey(), SamplerFigures.parse(figures, ""), seconds, from, state,
          points);
    }
    followed.clear();
    return points;
  }

  /** Adds the points of {@code text}'s seconds after the last one taken. */
  private void take(String connection, String text, Followed state, List<LivePoint> points) {
    long second = -1;
    StringBuilder lines = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith("start\t")) {
        state.startEpochMicros = Long.parseLong(line.substring(6));
      } else if (line.startsWith("second\t")) {
        takeSecond(connection, second, lines, state, points);
        second = Long.parseLong(line.substring(7));
        lines.setLength(0);
      } else {
        lines.append(line).append('\n');
      }
    }
    takeSecond(connection, second, lines, state, points);
  }

  /** Takes the reading at the end of {@code second}, if it is new. */
  private void takeSecond(
      String connection, long second, StringBuilder lines, Followed state,
      List<LivePoint> points) {
    if (second > state.lastSecond) {
      long epochMicros = state.startEpochMicros + second * 1_000_000L;
      addPoints(connection, SamplerFigures.parse(lines.toString(), ""),
          second - state.lastSecond, epochMicros, state, points);
      state.lastSecond = second;
    }
  }

  private void addPoints(
      String connection, List<SamplerFigures> now, double seconds, long epochMicros,
      Followed state, List<LivePoint> points) {
    String engine = SamplerFigures.engine(now);
    Map<String, SamplerFigures> previous = new HashMap<String, SamplerFigures>();
    for (SamplerFigures figures : now) {
      String key = figures.kind + "\t" + figures.name;
      points.add(LivePoint.between(engine, connection, state.previous.get(key), figures, seconds,
          epochMicros, percentiles));
      previous.put(key, figures);
    }
    state.previous = previous;
  }
}

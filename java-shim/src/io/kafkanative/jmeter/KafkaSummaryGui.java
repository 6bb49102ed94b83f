package io.kafkanative.jmeter;

import java.awt.BorderLayout;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.Timer;
import javax.swing.table.DefaultTableModel;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jmeter.visualizers.gui.AbstractVisualizer;
import io.kafkanative.jmeter.live.LiveSummary;
import io.kafkanative.jmeter.live.SamplerFigures;
import io.kafkanative.jmeter.live.SummaryRow;
import io.kafkanative.jmeter.live.ThroughputChart;

/**
 * Listener "Kafka Summary" (Add > Listener): a table per sampler and a chart, refreshed every
 * second from the native figures of the open Kafka Connections — rates and percentiles of
 * the last second, counts since the start. SampleResults are not aggregated here: JMeter's
 * own listeners do that, in JMeter's model; this view shows the per-message truth.
 */
public class KafkaSummaryGui extends AbstractVisualizer {
  private static final long serialVersionUID = 1L;

  private final transient LiveSummary model = new LiveSummary();
  private final DefaultTableModel table =
      new DefaultTableModel(SummaryRow.COLUMNS, 0) {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isCellEditable(int row, int column) {
          return false;
        }
      };
  private final ThroughputChart chart = new ThroughputChart();
  private final Timer refresh = new Timer(1000, event -> refresh());

  public KafkaSummaryGui() {
    collector = new KafkaSummary();
    setLayout(new BorderLayout());
    setBorder(makeBorder());
    add(makeTitlePanel(), BorderLayout.NORTH);
    JPanel body = new JPanel(new BorderLayout());
    JTable view = new JTable(table);
    view.setAutoResizeMode(JTable.AUTO_RESIZE_SUBSEQUENT_COLUMNS);
    view.getColumnModel().getColumn(0).setPreferredWidth(220); // sampler names
    body.add(new JScrollPane(view), BorderLayout.CENTER);
    chart.setBorder(BorderFactory.createTitledBorder("messages/s and worst p99"));
    body.add(chart, BorderLayout.SOUTH);
    add(body, BorderLayout.CENTER);
    refresh.start();
  }

  /**
   * One reading of the native figures. Between tests the last test's final figures stay in
   * view: the chart only moves while threads run or figures change.
   */
  void refresh() {
    List<SamplerFigures> figures = LiveSummary.collect();
    if (JMeterContextService.getNumberOfThreads() == 0 && model.unchanged(figures)) {
      return;
    }
    show(model.update(figures, System.nanoTime()));
  }

  private void show(List<SummaryRow> rows) {
    table.setRowCount(0);
    for (SummaryRow row : rows) {
      table.addRow(row.cells());
    }
    chart.show(model.history());
  }

  /** The model behind the view, for tests. */
  LiveSummary model() {
    return model;
  }

  @Override
  public String getLabelResource() {
    return "kafka_summary"; // not in JMeter's bundle: getStaticLabel answers instead
  }

  @Override
  public String getStaticLabel() {
    return "Kafka Summary";
  }

  @Override
  public void add(SampleResult sample) {
    // Per-message figures come from the native side, not from SampleResults.
  }

  @Override
  public void clearData() {
    model.clear();
    table.setRowCount(0);
    chart.show(model.history());
  }
}

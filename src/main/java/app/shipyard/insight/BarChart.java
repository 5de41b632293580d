package app.shipyard.insight;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart of one figure column, laid out here so that the template only places SVG elements (and
 * Handlebars escapes every label). Bars are scaled to the largest value; each carries the number the table shows.
 */
record BarChart(String caption, int width, int height, List<Bar> bars) {

  static final int WIDTH = 640;
  private static final int LABEL_WIDTH = 210;
  private static final int BAR_SPACE = 340;
  private static final int ROW = 26;
  private static final int BAR = 18;
  private static final int LABEL_CHARS = 32;

  /** One bar: its label (shortened to fit), the number as shown in the table, and where it is drawn. */
  record Bar(String label, String value, int y, int textY, int labelX, int barX, int length, int valueX) {}

  static BarChart of(Figure figure) {
    double max = figure.rows().stream().mapToDouble(figure::number).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    int y = 4;
    for (List<Object> row : figure.rows()) {
      double value = figure.number(row);
      int length = max <= 0 || value <= 0 ? 0 : Math.max(1, (int) Math.round(BAR_SPACE * value / max));
      bars.add(new Bar(shortened(Figure.text(row.get(0))), Figure.text(row.get(figure.kind().chartColumn)), y,
          y + BAR - 4, LABEL_WIDTH - 8, LABEL_WIDTH, length, LABEL_WIDTH + length + 6));
      y += ROW;
    }
    String caption = Figure.heading(figure.columns().get(figure.kind().chartColumn)) + " by "
        + Figure.heading(figure.columns().get(0));
    return new BarChart(caption, WIDTH, Math.max(y, ROW), bars);
  }

  private static String shortened(String label) {
    return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
  }
}

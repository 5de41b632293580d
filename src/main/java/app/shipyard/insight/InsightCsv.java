package app.shipyard.insight;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A figure as CSV: its headings, then its rows, with text cells made safe for spreadsheets. */
final class InsightCsv {

  private InsightCsv() {}

  static String write(Figure figure) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      csv.printRecord(figure.columns().stream().map(Figure::heading).toList());
      for (List<Object> row : figure.rows()) {
        List<String> cells = new ArrayList<>();
        for (Object value : row) {
          cells.add(value instanceof String text ? safe(text) : Figure.text(value));
        }
        csv.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Text (a department, a skill, an event title) that a spreadsheet would read as a formula, starting with =, +, -,
   * @ or a tab or carriage return, gets a leading apostrophe. Numbers are written as numbers.
   */
  static String safe(String text) {
    boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    return formula ? "'" + text : text;
  }
}

package app.shipyard.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the insights page's figures back: a figure's section, its table rows, its chart's bar labels and values. */
final class Pages {

  private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL);
  private static final Pattern VALUE = Pattern.compile("<rect [^>]*data-value=\"([^\"]*)\"");
  private static final Pattern LABEL = Pattern.compile("<text x=\"\\d+\" y=\"\\d+\" text-anchor=\"end\">([^<]*)</text>");

  private Pages() {}

  static String section(String page, String id) {
    int start = page.indexOf("<section class=\"figure\" id=\"" + id + "\"");
    if (start < 0) {
      throw new AssertionError("No section " + id + " in " + page);
    }
    return page.substring(start, page.indexOf("</section>", start));
  }

  static List<List<String>> tableRows(String section) {
    String body = section.substring(section.indexOf("<tbody>"), section.indexOf("</tbody>"));
    List<List<String>> rows = new ArrayList<>();
    Matcher row = ROW.matcher(body);
    while (row.find()) {
      rows.add(all(CELL, row.group(1)));
    }
    return rows;
  }

  static List<String> barValues(String section) {
    return all(VALUE, section);
  }

  static List<String> barLabels(String section) {
    return all(LABEL, section);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}

package app.shipyard.search;

import com.github.jknack.handlebars.Handlebars;

/**
 * Turns text marked by {@code ts_headline} into safe HTML: the whole text is escaped first, then our own markers
 * (private-use characters the database removed from the text before marking it) become {@code <mark>} tags. No
 * HTML from the text itself ever survives.
 */
final class Highlight {

  private Highlight() {}

  static String html(String marked) {
    if (marked == null) {
      return "";
    }
    String escaped = Handlebars.Utils.escapeExpression(marked).toString();
    StringBuilder html = new StringBuilder(escaped.length() + 32);
    boolean open = false;
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == SearchSql.START && !open) {
        html.append("<mark>");
        open = true;
      } else if (c == SearchSql.STOP && open) {
        html.append("</mark>");
        open = false;
      } else if (c != SearchSql.START && c != SearchSql.STOP) {
        html.append(c);
      }
    }
    return open ? html.append("</mark>").toString() : html.toString();
  }
}

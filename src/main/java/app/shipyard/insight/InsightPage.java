package app.shipyard.insight;

import app.shipyard.event.Event;
import app.shipyard.survey.Feedback;
import app.shipyard.web.Answer;
import java.util.List;

/** The dashboard page's view: each figure as its table, its chart and its CSV link, and the survey results. */
final class InsightPage {

  private InsightPage() {}

  record InsightsView(Event event, String tab, Period period, int events, List<FigureView> figures,
                      Feedback feedback, Feedback previous) {}

  /** A figure as the page shows it: the table's headings and cells, the chart, the link to its CSV. */
  record FigureView(String key, String title, String definition, List<String> headings, List<List<String>> cells,
                    BarChart chart, String csv) {}

  static Answer of(Insights insights) {
    Event event = insights.event();
    String csvBase = event == null ? "/insights/" : "/events/" + event.id() + "/insights/";
    String query = event == null ? "?" + insights.period().query() : "";
    List<FigureView> figures = insights.figures().stream().map(f -> new FigureView(f.kind().key, f.kind().title,
        f.kind().definition, f.columns().stream().map(Figure::heading).toList(),
        f.rows().stream().map(r -> r.stream().map(Figure::text).toList()).toList(), BarChart.of(f),
        csvBase + f.kind().key + ".csv" + query)).toList();
    String title = event == null ? "Insights " + insights.period().from() + " to " + insights.period().to()
        : "Insights · " + event.title();
    return Answer.page("insight/insights", title, new InsightsView(event, "insights", insights.period(),
        insights.events(), figures, insights.feedback(), insights.previous()));
  }
}

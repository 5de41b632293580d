package app.shipyard.sample;

/** What the sample archive's ShipIt days contain: forty project ideas, and what became of their winners. */
final class SampleArchiveContent {

  private SampleArchiveContent() {}

  static final String[][] IDEAS = {
      {"Release notes robot", "Release notes written from merged pull requests"},
      {"Meeting cost ticker", "Shows what a meeting costs while it runs"},
      {"Warehouse pick paths", "Shorter walking routes for pickers"},
      {"Invoice anomaly radar", "Flags odd invoices before they are paid"},
      {"Desk booking map", "Book a desk on a live floor plan"},
      {"Churn early warning", "Spot accounts about to leave a month earlier"},
      {"Status page in Slack", "Incidents posted where people already are"},
      {"Contract clause finder", "Search every contract by clause"},
      {"Test flake hunter", "Finds and quarantines flaky tests"},
      {"Travel carbon budget", "Every team sees the carbon its trips cost"},
      {"Self-service VPN fixer", "Fixes the five most common VPN problems"},
      {"Design token sync", "Figma tokens flow straight into the code"},
      {"Support macro suggester", "Suggests the right reply while an agent types"},
      {"Cold storage archiver", "Moves old data to cheap storage by itself"},
      {"Lunch roulette", "Meet a colleague from another office over lunch"},
      {"Sales deck builder", "A tailored deck from the CRM in one click"},
      {"Accessibility audit bot", "Nightly WCAG checks on every page"},
      {"On-call fatigue meter", "Shows who has been woken up too often"},
      {"Budget forecast helper", "Next quarter's spend from this quarter's trend"},
      {"Onboarding checklists", "Every new starter's first month in one list"},
      {"API usage explorer", "Which customer calls which endpoint how often"},
      {"Printer queue killer", "Print from your phone to the nearest printer"},
      {"Feature flag janitor", "Removes flags nobody has touched in months"},
      {"Customer quote wall", "The best customer quotes on the office screens"},
      {"Dependency update train", "Weekly, tested dependency updates for every repo"},
      {"Shift swap app", "Support agents swap shifts without email"},
      {"Data lineage viewer", "See where every dashboard number comes from"},
      {"Voice of the customer digest", "A weekly digest of what customers asked for"},
      {"Office energy display", "Each office's energy use, live"},
      {"Pairing matchmaker", "Finds you a pairing partner for a task"},
      {"Expense policy checker", "Checks an expense against policy before it is filed"},
      {"Localisation memory", "Reuses translations across all products"},
      {"Secrets leak guard", "Stops secrets before they reach a repository"},
      {"Renewal reminder", "Reminds account managers ninety days before renewal"},
      {"Mentor finder", "Find a mentor by the skill you want to learn"},
      {"Log cost trimmer", "Cuts the logs nobody reads"},
      {"Field visit planner", "Plans a week of customer visits in minutes"},
      {"Knowledge base gaps", "Shows which questions have no article yet"},
      {"Build cache warmer", "Builds start warm every morning"},
      {"Recruiting pipeline view", "Every open role and its candidates at a glance"}};
  /** What became of each event's People's Choice winner, oldest event first. */
  static final String[] WINNER_OUTCOMES = {"shipped", "roadmap", "shipped", "lab", "roadmap", "spun_off",
      "shipped", "roadmap"};
  static final String[][] IMPACTS = {{"hours_saved", "3400", "false"}, {"cost_avoided", "48000", "true"},
      {"customers_reached", "1200", "false"}};
}

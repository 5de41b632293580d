package app.shipyard.sample;

import app.shipyard.sample.SampleEvents.DemoEvent;
import app.shipyard.sample.SampleEvents.DemoPitch;
import java.util.List;

/** What the sample company's events contain: their pitches, teams, talk, free agents, mentors and schedules. */
final class SampleContent {

  private SampleContent() {}

  static final DemoEvent PAST_DAY = new DemoEvent("day", "ShipIt 41 · Spring 2026", "Make work less annoying",
      "Our spring ShipIt day: **24 hours** to fix something that bugs you, then demo it to the whole company.",
      "archived", "2026-04-16T07:00:00Z", "2026-04-17T15:00:00Z", "Europe/Berlin", 5, List.of(
          pitch("Smart on-call handover", "One page that tells the next on-call what is burning", 5, "idea",
              List.of("Java", "Kafka", "Kubernetes"), List.of("ops", "reliability"), 4, List.of(5, 14, 23), List.of(31, 40)),
          pitch("Accessible checkout", "Make the checkout usable with a screen reader", 4, "idea",
              List.of("Accessibility", "React", "UX research"), List.of("customers", "a11y"), 9, List.of(19, 28, 37), List.of()),
          pitch("Expense receipts from photos", "Snap a receipt, get an expense line", 4, "idea",
              List.of("Machine learning", "Python", "iOS"), List.of("finance"), 12, List.of(21, 30), List.of(45)),
          pitch("Customer pulse dashboard", "Support tickets, NPS and churn on one screen", 5, "idea",
              List.of("Data analysis", "PostgreSQL", "Visual design"), List.of("customers", "data"), 15, List.of(24, 33, 42),
              List.of()),
          pitch("Onboarding buddy bot", "A friendly bot for a new starter's first week", 3, "idea",
              List.of("Python", "Copywriting"), List.of("people"), 18, List.of(27), List.of(36))),
      List.of(new String[] {"Kick-off", "2026-04-16T07:00:00Z", "2026-04-16T07:30:00Z"},
          new String[] {"Demo session", "2026-04-17T13:00:00Z", "2026-04-17T15:00:00Z"}));

  static final DemoEvent CURRENT_DAY = new DemoEvent("day", "ShipIt 42 · Winter 2026", "Less carbon, more focus",
      "Pitch until **2 December**, form teams across offices, hack for 24 hours, demo on 4 December. "
          + "Every office takes part; remote colleagues are welcome on any team.",
      "team_forming", "2026-12-03T08:00:00Z", "2026-12-04T16:00:00Z", "Europe/Berlin", 6, List.of(
          pitch("Carbon-aware CI scheduling", "Run our heavy builds when the grid is greenest", 5, "idea",
              List.of("Kubernetes", "Go", "Data analysis"), List.of("sustainability", "devex"), 4, List.of(6),
              List.of(8, 16, 25, 39)),
          pitch("Focus Finder", "Find and protect meeting-free blocks for whole teams", 4, "idea",
              List.of("React", "Product strategy", "UX research"), List.of("wellbeing"), 10, List.of(20, 29),
              List.of(11, 47)),
          pitch("Sales call summariser", "Turn a recorded sales call into notes and next steps", 5, "idea",
              List.of("Machine learning", "Python", "Security"), List.of("sales", "ai"), 13, List.of(22),
              List.of(7, 17, 34, 52, 58)),
          pitch("Kafka lag doctor", "Explain consumer lag in plain words, with the fix", 4, "idea",
              List.of("Kafka", "Java", "Visual design"), List.of("ops", "devex"), 16, List.of(26, 35, 44), List.of(53)),
          pitch("Office plant sensors", "Cheap sensors so no office plant dies again", 4, "idea",
              List.of("Rust", "Prototyping", "Android"), List.of("offices", "hardware"), 31, List.of(), List.of(46)),
          pitch("Accessibility linter for Figma", "Catch contrast and focus problems before they ship", 3, "idea",
              List.of("Accessibility", "TypeScript", "Visual design"), List.of("a11y", "design"), 40, List.of(),
              List.of(9, 19))),
      List.of(new String[] {"Kick-off (all offices)", "2026-12-03T08:00:00Z", "2026-12-03T08:30:00Z"},
          new String[] {"Hacking", "2026-12-03T08:30:00Z", "2026-12-04T13:00:00Z"},
          new String[] {"Demo session", "2026-12-04T13:00:00Z", "2026-12-04T15:30:00Z"},
          new String[] {"Results and awards", "2026-12-04T15:30:00Z", "2026-12-04T16:00:00Z"}));

  static final DemoEvent LAB = new DemoEvent("lab", "Northwind Innovation Lab 2026", "From side project to product",
      "Projects get a day a week for a year. Every quarter they demo; leadership decides what moves to the next stage.",
      "building", "2026-01-12T08:00:00Z", "2026-12-18T17:00:00Z", "UTC", 6, List.of(
          pitch("Self-serve data catalogue", "Find any dataset and who owns it in seconds", 5, "shipped",
              List.of("PostgreSQL", "React", "Data analysis"), List.of("data"), 8, List.of(17, 26), List.of()),
          pitch("Voice notes for field sales", "Dictate visit notes; the CRM fills itself", 4, "pilot",
              List.of("Android", "iOS", "Machine learning"), List.of("sales", "mobile"), 11, List.of(20), List.of()),
          pitch("Predictive stock alerts", "Warn stores a week before they run out", 5, "prototype",
              List.of("Python", "Machine learning", "Data analysis"), List.of("retail", "ai"), 14, List.of(4, 32),
              List.of()),
          pitch("AR office wayfinding", "Find rooms and desks through your phone's camera", 4, "parked",
              List.of("iOS", "Prototyping"), List.of("offices"), 19, List.of(28), List.of()),
          pitch("Green cloud budget", "Give every team a carbon budget next to its cloud bill", 4, "idea",
              List.of("Kubernetes", "Data analysis"), List.of("sustainability"), 3, List.of(), List.of())),
      List.of(new String[] {"Q1 demo day", "2026-03-20T14:00:00Z", "2026-03-20T16:00:00Z"},
          new String[] {"Q2 demo day", "2026-06-19T14:00:00Z", "2026-06-19T16:00:00Z"},
          new String[] {"Q3 demo day", "2026-09-18T14:00:00Z", "2026-09-18T16:00:00Z"},
          new String[] {"Final demo day", "2026-12-11T14:00:00Z", "2026-12-11T16:00:00Z"}));

  /** Comments on the current day's pitches: pitch index, author, text. */
  static final List<String[]> COMMENTS = List.of(
      new String[] {"0", "25", "Could this use the grid-intensity API the facilities team already pays for?"},
      new String[] {"0", "4", "Yes! That is the plan; we only need someone who knows Go."},
      new String[] {"2", "34", "How would we keep customer data out of the model? Happy to help with the security side."},
      new String[] {"4", "46", "Our Sydney office has a 3D printer for the sensor cases."});

  /** Free agents of the current day: person, what they want to work on. */
  static final List<Object[]> FREE_AGENTS = List.of(
      new Object[] {7, "Anything with data pipelines"}, new Object[] {11, "A design-heavy project"},
      new Object[] {17, "Something customers will notice"}, new Object[] {34, "Security or privacy work"},
      new Object[] {39, "Happy to learn Go"}, new Object[] {47, "Mobile apps"}, new Object[] {53, "Hardware hacking"});

  /** Mentors of the current day: person, note. */
  static final List<Object[]> MENTORS = List.of(
      new Object[] {2, "Ask me about pitching and demo storytelling"},
      new Object[] {3, "Architecture reviews, any time on Thursday"},
      new Object[] {48, "Kafka and streaming questions"}, new Object[] {57, "UX research crash course"});

  static String stageNote(String stage) {
    return switch (stage) {
      case "prototype" -> "Working prototype shown at the quarterly demo day.";
      case "pilot" -> "Piloting with two teams.";
      case "shipped" -> "Rolled out to the whole company.";
      case "parked" -> "Parked: the office move makes this moot for now.";
      default -> "";
    };
  }

  private static DemoPitch pitch(String title, String summary, int capacity, String stage, List<String> skills,
                                 List<String> tags, int captain, List<Integer> members, List<Integer> interested) {
    return new DemoPitch(title, summary, "### The idea\n" + summary + ".\n\nWe build the smallest thing that shows it works.",
        capacity, stage, skills, tags, captain, members, interested);
  }
}

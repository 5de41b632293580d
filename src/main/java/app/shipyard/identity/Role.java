package app.shipyard.identity;

import java.util.Arrays;
import java.util.Optional;

/** What a person may do on Shipyard. A person holds one or more roles. */
public enum Role {
  EMPLOYEE, ORGANISER, LEADERSHIP, ADMIN;

  public String key() {
    return name().toLowerCase();
  }

  /** How people holding this role are named in messages, e.g. "organisers". */
  public String people() {
    return this == LEADERSHIP ? "leadership" : key() + "s";
  }

  /** "organisers or admins", for messages that say who may do something. */
  public static String describe(Role... roles) {
    return String.join(" or ", Arrays.stream(roles).map(Role::people).toList());
  }

  public static Optional<Role> parse(String text) {
    return Arrays.stream(values()).filter(r -> r.key().equalsIgnoreCase(text == null ? "" : text.trim())).findFirst();
  }
}

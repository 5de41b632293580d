package app.shipyard.account;

import java.util.Arrays;
import java.util.Optional;

/** What a person may do on Shipyard. A person holds one or more roles. */
public enum Role {
  EMPLOYEE, ORGANISER, LEADERSHIP, ADMIN;

  public String key() {
    return name().toLowerCase();
  }

  public static Optional<Role> parse(String text) {
    return Arrays.stream(values()).filter(r -> r.key().equalsIgnoreCase(text == null ? "" : text.trim())).findFirst();
  }
}

package app.shipyard.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Someone who works at the company and uses Shipyard. */
public record Person(long id, String email, String displayName, String department, Location location,
                     String bio, List<String> skills, Set<Role> roles, int sessionEpoch) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Up to two letters for the avatar: first letters of the first and last names. */
  public String initials() {
    String[] words = displayName.trim().split("\\s+");
    String first = words[0].isEmpty() ? "?" : words[0].substring(0, 1);
    String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
    return (first + last).toUpperCase();
  }

  public List<String> roleKeys() {
    return roles.stream().sorted().map(Role::key).toList();
  }

  public static Set<Role> rolesFrom(String[] keys) {
    return Arrays.stream(keys).map(Role::parse).flatMap(java.util.Optional::stream)
        .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class)));
  }
}

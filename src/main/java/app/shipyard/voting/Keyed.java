package app.shipyard.voting;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A voting word stored and sent as its lower-case key ({@code after_close}), as the database's checks spell it. */
interface Keyed {

  String name();

  default String key() {
    return name().toLowerCase();
  }

  static <E extends Enum<E> & Keyed> Optional<E> parse(E[] values, String key) {
    return Arrays.stream(values).filter(v -> v.key().equals(key)).findFirst();
  }

  static <E extends Enum<E> & Keyed> List<String> keys(E[] values) {
    return Arrays.stream(values).map(Keyed::key).toList();
  }
}

package app.shipyard.cache;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values kept per key together with the version they were built for: a value is only given back for the same version,
 * and for at most {@code maxAgeMillis} after it was built. Bounded: once it holds {@code maxEntries}, the next value
 * kept empties it first (versions move on rarely, so a full map is mostly old values). Safe from any thread.
 */
public final class Kept<V> {

  private record Entry<V>(String version, V value, long builtAt) {}

  private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final long maxAgeMillis;

  public Kept(int maxEntries, long maxAgeMillis) {
    this.maxEntries = maxEntries;
    this.maxAgeMillis = maxAgeMillis;
  }

  /** The value kept for {@code key} if it was built for {@code version} and is young enough. */
  public Optional<V> get(String key, String version) {
    Entry<V> entry = entries.get(key);
    if (entry == null || !entry.version().equals(version)
        || System.currentTimeMillis() - entry.builtAt() > maxAgeMillis) {
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  /**
   * Keeps {@code value}, built from what the database held once {@code version} was current: the caller reads the
   * version before the data, so a value is never kept under a version newer than what it shows.
   */
  public void put(String key, String version, V value) {
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(key, new Entry<>(version, value, System.currentTimeMillis()));
  }

  /** Forgets what is kept for {@code key}. */
  public void forget(String key) {
    entries.remove(key);
  }

  int size() {
    return entries.size();
  }
}

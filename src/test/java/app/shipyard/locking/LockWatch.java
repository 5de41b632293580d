package app.shipyard.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.shipyard.support.TestShipyard;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.slf4j.LoggerFactory;

/**
 * What a storm test watches besides the HTTP answers: a deferred trigger that notes every team change committing in a
 * phase that forbids it or beyond its team's capacity, the database's own deadlock counter, and the server's log.
 */
final class LockWatch {

  private static final String INSTALL = """
      CREATE TABLE lock_watch (pitch_id bigint, person_id bigint, change text, phase text, size bigint, capacity int);
      CREATE FUNCTION lock_watch() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed team_members;
        phase text;
        size bigint;
        capacity int;
      BEGIN
        IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
        SELECT e.phase, p.capacity, (SELECT count(*) FROM team_members m WHERE m.pitch_id = p.id)
          INTO phase, capacity, size
          FROM pitches p JOIN events e ON e.id = p.event_id WHERE p.id = changed.pitch_id;
        IF phase NOT IN ('pitching', 'team_forming', 'building') OR size > capacity THEN
          INSERT INTO lock_watch VALUES (changed.pitch_id, changed.person_id, TG_OP, phase, size, capacity);
        END IF;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER lock_watch AFTER INSERT OR DELETE ON team_members
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lock_watch();
      """;
  private static final String UNINSTALL = """
      DROP TRIGGER IF EXISTS lock_watch ON team_members;
      DROP FUNCTION IF EXISTS lock_watch();
      DROP TABLE IF EXISTS lock_watch;
      """;
  /** How PgException and db/Retry name a deadlock or a serialization failure. */
  private static final Pattern CONTENTION =
      Pattern.compile("\\((40001|40P01)\\)|SQLSTATE (40001|40P01)|deadlock", Pattern.CASE_INSENSITIVE);
  private static final String DEADLOCKS = "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()";

  private final ConcurrentLinkedQueue<String> logLines = new ConcurrentLinkedQueue<>();
  private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      String line = event.getFormattedMessage() + causes(event.getThrowableProxy());
      if (CONTENTION.matcher(line).find()) {
        logLines.add(line);
      }
    }
  };
  private final long deadlocksBefore;

  private LockWatch() {
    TestShipyard.pool().query(UNINSTALL + INSTALL).execute().await();
    deadlocksBefore = deadlockCount();
    appender.start();
    root().addAppender(appender);
  }

  static LockWatch start() {
    return new LockWatch();
  }

  /**
   * After a storm: no call was answered unexpectedly (no 5xx above all), no team change committed where the phase or
   * capacity forbade it, the database detected no deadlock and the log mentions none, nor a serialisation failure.
   */
  void assertCalm(Storm storm) {
    assertEquals(List.of(), storm.unexpected(), "Unexpected answers");
    assertEquals(List.of(), violations(), "Team changes committed where the phase or capacity forbade them");
    assertEquals(0, deadlocks(), "Deadlocks detected by PostgreSQL");
    assertEquals(List.of(), logLines(), "Deadlocks or serialisation failures in the server log");
  }

  /** Team changes that committed where the phase or the team's capacity forbade them. */
  List<String> violations() {
    return StreamSupport.stream(TestShipyard.pool().query("SELECT * FROM lock_watch").execute().await().spliterator(),
        false).map(LockWatch::describe).toList();
  }

  /**
   * Deadlocks the database detected since the watch started. Backends report their statistics when idle, at most
   * once a second, so this waits a little for the last ones.
   */
  long deadlocks() {
    try {
      Thread.sleep(1_500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return deadlockCount() - deadlocksBefore;
  }

  private static long deadlockCount() {
    return TestShipyard.pool().query(DEADLOCKS).execute().await().iterator().next().getLong(0);
  }

  /** Server log lines that mention a deadlock or a serialisation failure (including retried ones). */
  List<String> logLines() {
    return List.copyOf(logLines);
  }

  void stop() {
    root().detachAppender(appender);
    appender.stop();
    TestShipyard.pool().query(UNINSTALL).execute().await();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static String causes(IThrowableProxy cause) {
    StringBuilder text = new StringBuilder();
    for (IThrowableProxy c = cause; c != null; c = c.getCause()) {
      text.append(" | ").append(c.getClassName()).append(": ").append(c.getMessage());
    }
    return text.toString();
  }

  private static String describe(Row r) {
    return r.getString("change") + " of person " + r.getLong("person_id") + " on pitch " + r.getLong("pitch_id")
        + " committed in phase " + r.getString("phase") + " with " + r.getLong("size") + " of "
        + r.getInteger("capacity") + " places taken";
  }
}

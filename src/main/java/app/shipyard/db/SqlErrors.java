package app.shipyard.db;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Classifies database failures by SQLSTATE, never by message text. */
public final class SqlErrors {

  public static final String UNIQUE_VIOLATION = "23505";
  public static final String FOREIGN_KEY_VIOLATION = "23503";
  public static final String CHECK_VIOLATION = "23514";
  public static final String NOT_NULL_VIOLATION = "23502";
  public static final String INVALID_TEXT_REPRESENTATION = "22P02";
  public static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
  public static final String STRING_TOO_LONG = "22001";
  /** The transaction lost a race it cannot win by waiting: nothing of it was written, so it may run again. */
  public static final String SERIALIZATION_FAILURE = "40001";
  /** The transaction was chosen to break a deadlock and rolled back: it may run again. */
  public static final String DEADLOCK_DETECTED = "40P01";

  private SqlErrors() {}

  public static boolean is(Throwable failure, String sqlState) {
    return failure instanceof PgException pg && sqlState.equals(pg.getSqlState());
  }

  /** A serialization failure or a deadlock: the transaction was rolled back whole and running it again is safe. */
  public static boolean isContention(Throwable failure) {
    return is(failure, SERIALIZATION_FAILURE) || is(failure, DEADLOCK_DETECTED);
  }

  public static boolean isConstraint(Throwable failure, String constraint) {
    return failure instanceof PgException pg && constraint.equals(pg.getConstraint());
  }

  /** SQLSTATE class 08 (connection exception): the connection could not be made or was lost. */
  public static final String CONNECTION_EXCEPTION_CLASS = "08";
  /** Administrator or crash shutdown under way, or the server still starting (crash recovery included). */
  public static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

  /**
   * Whether the database could not be reached: no connection could be made, the connection was lost, or the server
   * is shutting down or starting up. Judged by exception type and SQLSTATE along the cause chain.
   */
  public static boolean isConnectionFailure(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
      // SocketException: refused, reset or broken connections (ConnectException among them).
      if (t instanceof DatabaseUnavailable || t instanceof ClosedConnectionException || t instanceof SocketException
          || t instanceof ClosedChannelException || t instanceof UnknownHostException || t instanceof TimeoutException) {
        return true;
      }
      if (t instanceof PgException pg && pg.getSqlState() != null
          && (pg.getSqlState().startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_GOING_OR_COMING.contains(pg.getSqlState()))) {
        return true;
      }
    }
    return false;
  }
}

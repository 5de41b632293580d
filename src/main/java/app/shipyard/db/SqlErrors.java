package app.shipyard.db;

import io.vertx.pgclient.PgException;

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
}

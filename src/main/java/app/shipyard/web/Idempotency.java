package app.shipyard.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that create something accept an {@code Idempotency-Key} header, so a client that sends again (a flaky phone)
 * creates nothing new: the first answer is kept for a day, per person and key, and a repeat gets that answer again.
 *
 * <p>The database settles races. A request first claims (person, key) by inserting it against the table's primary
 * key, before the endpoint runs, so of two concurrent requests with one key exactly one runs; the other gets 409
 * while the first runs, and the first's answer afterwards. A repeat with the key but another method, path or body
 * gets 422. A request that fails (refused, invalid, an error on our side) keeps nothing: its key is free again.
 */
public final class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final String EXPIRED = "created_at < now() - interval '1 day'";
  /** Takes the key (or an expired use of it) and returns the claim, or else returns the earlier use. */
  private static final String CLAIM = """
      WITH claimed AS (
        INSERT INTO idempotent_requests AS r (person_id, idem_key, method, path, fingerprint)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (person_id, idem_key) DO UPDATE
           SET method = excluded.method, path = excluded.path, fingerprint = excluded.fingerprint,
               status = NULL, body = NULL, created_at = now()
         WHERE r.""" + EXPIRED + """

        RETURNING true AS mine, r.method, r.path, r.fingerprint, r.status, r.body)
      SELECT * FROM claimed
      UNION ALL
      SELECT false, method, path, fingerprint, status, body FROM idempotent_requests
       WHERE person_id = $1 AND idem_key = $2 AND NOT EXISTS (SELECT 1 FROM claimed)
      """;
  private static final String KEEP =
      "UPDATE idempotent_requests SET status = $3, body = $4 WHERE person_id = $1 AND idem_key = $2 AND status IS NULL";
  private static final String FREE =
      "DELETE FROM idempotent_requests WHERE person_id = $1 AND idem_key = $2 AND status IS NULL";
  private static final String FORGET_OLD = "DELETE FROM idempotent_requests WHERE " + EXPIRED;
  private static final long TIDY_EVERY_MS = 60 * 60 * 1000L;
  /** A claim can miss a use committed while it ran (it reads an older snapshot); it then simply asks again. */
  private static final int CLAIM_ATTEMPTS = 3;

  private final Pool pool;

  public Idempotency(Pool pool) {
    this.pool = pool;
  }

  /** The endpoint, answering a repeat of a request that carries an {@code Idempotency-Key} with its first answer. */
  public Routes.Endpoint wrap(Routes.Endpoint endpoint) {
    return ctx -> {
      Optional<String> key = key(ctx);
      if (key.isEmpty()) {
        return endpoint.answer(ctx);
      }
      Request request = new Request(Viewer.person(ctx).id(), key.get(), ctx.request().method().name(),
          ctx.request().path(), fingerprint(ctx.body().buffer()));
      return claim(request, CLAIM_ATTEMPTS)
          .compose(earlier -> earlier.isPresent() ? repeat(request, earlier.get()) : once(request, endpoint, ctx));
    };
  }

  /** Forgets uses older than a day now, and then every hour (an expired use is taken over anyway; this saves room). */
  public Future<Void> keepTidy(Vertx vertx) {
    vertx.setPeriodic(TIDY_EVERY_MS, id -> forgetOld()
        .onFailure(e -> LOG.warn("Could not forget old idempotency keys: {}", e.toString())));
    return forgetOld();
  }

  Future<Void> forgetOld() {
    return pool.query(FORGET_OLD).execute().mapEmpty();
  }

  private record Request(long personId, String key, String method, String path, String fingerprint) {
    Tuple keyed() {
      return Tuple.of(personId, key);
    }
  }

  /** An earlier use of the key: what it was for and, once answered, its answer. */
  private record Earlier(String method, String path, String fingerprint, Integer status, String body) {
    boolean sameRequestAs(Request r) {
      return method.equals(r.method()) && path.equals(r.path()) && fingerprint.equals(r.fingerprint());
    }
  }

  /** Empty when this request claimed the key; the earlier use otherwise. */
  private Future<Optional<Earlier>> claim(Request r, int attempts) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(r.personId(), r.key(), r.method(), r.path(), r.fingerprint()))
        .compose(rows -> {
          if (rows.size() == 0) {
            return attempts > 1 ? claim(r, attempts - 1) : Future.failedFuture(stillRunning());
          }
          Row row = rows.iterator().next();
          return Future.succeededFuture(row.getBoolean("mine") ? Optional.empty()
              : Optional.of(new Earlier(row.getString("method"), row.getString("path"), row.getString("fingerprint"),
                  row.getInteger("status"), row.getString("body"))));
        });
  }

  private static Future<Answer> repeat(Request request, Earlier earlier) {
    if (!earlier.sameRequestAs(request)) {
      return Future.failedFuture(AppError.unprocessable("This Idempotency-Key was already used for a different "
          + "request (another address or body). Use a new key for a new request."));
    }
    if (earlier.status() == null) {
      return Future.failedFuture(stillRunning());
    }
    return Future.succeededFuture(Answer.json(earlier.status(), Json.decodeValue(earlier.body())));
  }

  private static AppError stillRunning() {
    return AppError.conflict("A request with this Idempotency-Key is still being handled; try again in a moment.");
  }

  /** Runs the endpoint for the claimed key: keeps a JSON answer, frees the key after anything else. */
  private Future<Answer> once(Request request, Routes.Endpoint endpoint, RoutingContext ctx) {
    return Future.<Void>succeededFuture().compose(v -> endpoint.answer(ctx))
        .compose(answer -> answer instanceof Answer.Json json ? keep(request, json).map(answer)
            : free(request).map(answer))
        .recover(failure -> free(request).compose(v -> Future.failedFuture(failure)));
  }

  private Future<Void> keep(Request r, Answer.Json answer) {
    return settled(r, "keep the answer", pool.preparedQuery(KEEP)
        .execute(r.keyed().addInteger(answer.status()).addString(Answers.encode(answer.body()))));
  }

  private Future<Void> free(Request r) {
    return settled(r, "free the key", pool.preparedQuery(FREE).execute(r.keyed()));
  }

  /** A write that failed leaves the key claimed (repeats get 409 until it expires); logged, the answer goes out. */
  private static Future<Void> settled(Request r, String what, Future<?> write) {
    return write.<Void>mapEmpty().recover(e -> {
      LOG.warn("Could not {} of an idempotency key of person {}; repeats get 409 for a day: {}", what, r.personId(),
          e.toString());
      return Future.succeededFuture();
    });
  }

  /** The header's key (a structured-field string may come in quotes), or empty without the header. */
  private static Optional<String> key(RoutingContext ctx) {
    String raw = ctx.request().getHeader(HEADER);
    if (raw == null) {
      return Optional.empty();
    }
    String key = raw.strip();
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      key = key.substring(1, key.length() - 1);
    }
    if (!KEY.matcher(key).matches()) {
      throw AppError.invalid(HEADER, "must be 1 to 255 visible ASCII characters (no spaces)");
    }
    return Optional.of(key);
  }

  private static String fingerprint(Buffer body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(body == null ? new byte[0] : body.getBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}

package app.shipyard.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a voter sent for one category of a round, before any rule is applied: the client's vote id and, depending on
 * the ballot type, one project ({@code pitchId}), points per project, or a ranking (best first).
 */
public record VoteRequest(UUID voteId, long categoryId, Long pitchId, List<Points> points, List<Long> ranking) {

  public record Points(long pitchId, int points) {}

  public VoteRequest {
    points = List.copyOf(points);
    ranking = List.copyOf(ranking);
  }

  /** A digest of what was sent, so that a re-sent vote id can be told from one reused for another vote. */
  public String fingerprint() {
    String canonical = "category=" + categoryId + ";pitch=" + pitchId
        + ";points=" + points.stream().sorted(Comparator.comparingLong(Points::pitchId))
            .map(p -> p.pitchId() + ":" + p.points()).collect(Collectors.joining(","))
        + ";ranking=" + ranking.stream().map(String::valueOf).collect(Collectors.joining(","));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

package app.shipyard.voting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Counts votes where they are cast ({@link VoteRepository#cast}, whatever the channel): committed, refused by
 * {@link Refusal} code (a bounded label), failed for any other reason (bad input, unknown round, database), and
 * the time from receiving a vote to its acknowledgement. In Prometheus: {@code shipyard_votes_committed_total},
 * {@code shipyard_votes_refused_total{reason="round_closed"}}, {@code shipyard_votes_failed_total},
 * {@code shipyard_votes_ack_seconds}; and the votes written together ({@code shipyard_votes_batch}, a summary: its count
 * is the batches, its sum the votes).
 */
public final class VoteMeters {

  private final Counter committed;
  private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);
  private final Counter failed;
  private final Timer ack;
  private final DistributionSummary batch;

  public VoteMeters(MeterRegistry registry) {
    committed = Counter.builder("shipyard.votes.committed").description("Votes committed").register(registry);
    for (Refusal refusal : Refusal.values()) {
      refused.put(refusal, Counter.builder("shipyard.votes.refused").description("Votes refused by a rule")
          .tag("reason", refusal.code()).register(registry));
    }
    failed = Counter.builder("shipyard.votes.failed").description("Votes not recorded for another reason")
        .register(registry);
    ack = Timer.builder("shipyard.votes.ack").description("From receiving a vote to acknowledging it")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    batch = DistributionSummary.builder("shipyard.votes.batch").description("Votes written in one batch")
        .register(registry);
  }

  void batch(int votes) {
    batch.record(votes);
  }

  void committed() {
    committed.increment();
  }

  void acknowledged(long startedNanos) {
    ack.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  void notRecorded(Throwable failure) {
    if (failure instanceof VoteRefused refusal) {
      refused.get(refusal.refusal()).increment();
    } else {
      failed.increment();
    }
  }
}

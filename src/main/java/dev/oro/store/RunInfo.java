package dev.oro.store;

import java.time.Instant;

/** A run as stored: what suite, when, and whether it finished. */
public record RunInfo(String id, String suite, String description, String status, Instant createdAt, Instant finishedAt) {
}

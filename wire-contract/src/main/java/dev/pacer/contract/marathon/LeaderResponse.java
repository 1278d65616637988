package dev.pacer.contract.marathon;

/** {@code GET /v2/leader}: {@code {"leader": "host:port"}}. */
public record LeaderResponse(String leader) {
}

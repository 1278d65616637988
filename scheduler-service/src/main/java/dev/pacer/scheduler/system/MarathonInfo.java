package dev.pacer.scheduler.system;

import dev.pacer.contract.marathon.InfoResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

/**
 * Builds {@code /v2/info}'s Marathon blocks from Pacer's real settings (plain Java). A Marathon option
 * Pacer has an equivalent of carries Pacer's value; a Mesos-only option carries Marathon's default, or
 * {@code null} where Marathon writes null for an unset option (scheduler README, "/v2/info").
 */
final class MarathonInfo {

    /** Marathon's default for options whose Mesos concept Pacer does not have. */
    private static final long DECLINE_OFFER_DURATION = 120_000;
    private static final long FAILOVER_TIMEOUT_SECONDS = 604_800;

    private MarathonInfo() {
    }

    /**
     * @param hostname          this instance's host
     * @param servicePortMin    lowest service port given to {@code portDefinitions[].port: 0}
     * @param servicePortMax    highest service port
     * @param resyncInterval    every app is reconciled at least this often
     * @param launchTimeout     a task still staging this long is replaced
     * @param agentLostAfter    an agent silent this long is lost
     * @param storeUrl          Redis' URL (user info is dropped here)
     * @param maxVersions       versions kept per app and group
     * @param recordMaxBytes    the size bound of one record
     * @param leaseTtl          a shard lease lapses this long after its holder stops renewing it
     * @param redisConnect      the Redis client's connect timeout
     * @param redisCommand      the Redis client's command timeout
     */
    public record Settings(String hostname, int servicePortMin, int servicePortMax, Duration resyncInterval,
                           Duration launchTimeout, Duration agentLostAfter, String storeUrl, int maxVersions,
                           long recordMaxBytes, Duration leaseTtl, Duration redisConnect, Duration redisCommand) {
    }

    public static InfoResponse.MarathonConfig marathonConfig(Settings s) {
        return new InfoResponse.MarathonConfig(null, true, DECLINE_OFFER_DURATION, null, null, "//cmd",
                FAILOVER_TIMEOUT_SECONDS, List.of(), "pacer", true, s.hostname(), 100, 30_000, 5_000, 10_000,
                s.servicePortMax(), s.servicePortMin(), null, 5, "mesos-bridge", 5, 15_000, null, null, null,
                5_000, 3_000, 180_000, 0, s.resyncInterval().toMillis(), 0, s.resyncInterval().toMillis(), true,
                s.launchTimeout().toMillis(), s.launchTimeout().toMillis(), s.agentLostAfter().toMillis(),
                s.agentLostAfter().toMillis(), 20_000, null);
    }

    public static InfoResponse.ZooKeeperConfig zookeeperConfig(Settings s) {
        return new InfoResponse.ZooKeeperConfig(withoutUserInfo(s.storeUrl()), false, s.recordMaxBytes(),
                s.redisConnect().toMillis(), s.recordMaxBytes(), s.maxVersions(), s.leaseTtl().toMillis(),
                s.redisCommand().toMillis());
    }

    /** {@code redis://user:secret@host:6379/0} → {@code redis://host:6379/0}; never a credential. */
    static String withoutUserInfo(String url) {
        try {
            URI uri = new URI(url);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "redis://(unreadable)";
        }
    }
}

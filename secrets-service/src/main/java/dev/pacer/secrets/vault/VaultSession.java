package dev.pacer.secrets.vault;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.vault.authentication.ClientAuthentication;
import org.springframework.vault.authentication.LifecycleAwareSessionManager;
import org.springframework.vault.authentication.LifecycleAwareSessionManagerSupport.RefreshTrigger;
import org.springframework.vault.authentication.LoginToken;
import org.springframework.vault.authentication.SessionManager;
import org.springframework.vault.support.VaultToken;
import org.springframework.web.client.RestOperations;

/**
 * The Vault session of a login method (AppRole): Spring Vault's {@link LifecycleAwareSessionManager} renews the
 * token when a third of its TTL is left ({@code auth/token/renew-self}), logs in again when a renewal leaves less
 * than {@link #threshold} (the role's max TTL reached) or fails, and revokes the token on close. Without it a
 * token that reaches its TTL fails every read until the service restarts.
 */
final class VaultSession implements SessionManager, DisposableBean {

    private final ThreadPoolTaskScheduler scheduler;
    private final LifecycleAwareSessionManager manager;

    VaultSession(ClientAuthentication authentication, RestOperations vault) {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("vault-session-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        manager = new LifecycleAwareSessionManager(authentication, scheduler, vault, new RenewAtTwoThirds());
    }

    @Override
    public VaultToken getSessionToken() {
        return manager.getSessionToken();
    }

    @Override
    public void destroy() {
        manager.destroy();
        scheduler.shutdown();
    }

    /**
     * Renews when a third of the token's TTL is left; a renewed token with less than a quarter of the longest TTL
     * seen (at most 5 s) left counts as expired, so the next use logs in rather than racing the expiry.
     */
    static final class RenewAtTwoThirds implements RefreshTrigger {

        private static final Duration MIN_DELAY = Duration.ofMillis(200);
        private static final Duration MAX_THRESHOLD = Duration.ofSeconds(5);

        private final AtomicReference<Duration> longest = new AtomicReference<>(Duration.ZERO);

        @Override
        public Instant nextExecution(LoginToken token) {
            Duration ttl = token.getLeaseDuration();
            longest.accumulateAndGet(ttl, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            Duration delay = ttl.multipliedBy(2).dividedBy(3);
            return Instant.now().plus(delay.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : delay);
        }

        @Override
        public Duration getValidTtlThreshold(LoginToken token) {
            Duration quarter = longest.get().dividedBy(4);
            return quarter.compareTo(MAX_THRESHOLD) < 0 ? quarter : MAX_THRESHOLD;
        }
    }
}

package dev.pacer.scheduler.secrets;

import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.secrets.GrantCodec;
import dev.pacer.contract.secrets.SecretGrant;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Issues the grant of a task being placed: signed, for that task, its app, the chosen agent and exactly
 * the secret paths the app references, valid for {@code ttl}. The scheduler never reads a secret value.
 */
public class GrantIssuer {

    private final GrantCodec codec;
    private final Duration ttl;
    private final Clock clock;
    private final Consumer<Boolean> issuedMetric;
    private final SecureRandom random = new SecureRandom();

    /** @param codec null when no grant key is configured: no grant is issued (the agent then fails the task) */
    public GrantIssuer(GrantCodec codec, Duration ttl, Clock clock, Consumer<Boolean> issuedMetric) {
        this.codec = codec;
        this.ttl = ttl;
        this.clock = clock;
        this.issuedMetric = issuedMetric;
    }

    /** The signed grant, or null when there are no paths or no key. */
    public String issue(TaskId task, AppId app, AgentId agent, Collection<String> paths) {
        if (paths.isEmpty()) {
            return null;
        }
        if (codec == null) {
            issuedMetric.accept(false);
            return null;
        }
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        Instant now = clock.instant();
        String grant = codec.sign(new SecretGrant(task.toString(), app.toString(), agent.value(), new TreeSet<>(paths).stream().toList(),
                now, now.plus(ttl), HexFormat.of().formatHex(nonce)));
        issuedMetric.accept(true);
        return grant;
    }
}

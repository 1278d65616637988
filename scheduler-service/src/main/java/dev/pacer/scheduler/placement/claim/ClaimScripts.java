package dev.pacer.scheduler.placement.claim;

import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** The Lua scripts behind {@link AgentClaims}, loaded from {@code resources/scripts/}. */
public final class ClaimScripts {

    private ClaimScripts() {
    }

    /** {@code scripts/agent-claim.lua}: returns {@code [status, claim JSON or reason]}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static RedisScript<List<String>> claim() {
        return (RedisScript) RedisScript.of(new ClassPathResource("scripts/agent-claim.lua"), List.class);
    }

    /** {@code scripts/agent-release.lua}: returns the released claim JSON, or null. */
    public static RedisScript<String> release() {
        return RedisScript.of(new ClassPathResource("scripts/agent-release.lua"), String.class);
    }
}

package dev.pacer.scheduler.web;

import java.util.List;
import java.util.Locale;

/**
 * Marathon's repeatable {@code embed} query parameter, and Pacer's one value of it: {@code embed=pacer}
 * adds Pacer's own keys ({@code pacer} on apps and deployments, {@code pacer_config} on {@code /v2/info})
 * to an answer that otherwise has Marathon's keys only. Marathon ignores embed values it does not know,
 * so a Marathon client never sends it by accident and a Marathon server would ignore it.
 */
public final class Embed {

    public static final String PACER = "pacer";

    private Embed() {
    }

    /** True when one of the {@code embed} values (any prefix such as {@code app.} allowed) is {@code pacer}. */
    public static boolean pacer(List<String> embed) {
        return embed != null && embed.stream().map(e -> e.trim().toLowerCase(Locale.ROOT))
                .anyMatch(e -> e.equals(PACER) || e.endsWith("." + PACER));
    }
}

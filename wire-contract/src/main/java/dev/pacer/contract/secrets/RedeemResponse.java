package dev.pacer.contract.secrets;

import java.util.Map;

/**
 * The current value of every path of a redeemed grant (path to value). Goes only to the agent, which
 * puts the values into the task's environment and files. {@link #toString()} never shows a value.
 */
public record RedeemResponse(Map<String, String> values) {

    public RedeemResponse {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    @Override
    public String toString() {
        return "RedeemResponse[paths=" + values.keySet() + ", values=<redacted>]";
    }
}

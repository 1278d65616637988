package dev.pacer.contract.secrets;

/**
 * An agent redeems a grant: {@code POST /api/secrets/_redeem}. {@code agentId} and {@code taskId} must be
 * those the grant was issued for. {@link #toString()} never shows the grant.
 */
public record RedeemRequest(String grant, String agentId, String taskId) {

    @Override
    public String toString() {
        return "RedeemRequest[agentId=" + agentId + ", taskId=" + taskId + ", grant=<redacted>]";
    }
}

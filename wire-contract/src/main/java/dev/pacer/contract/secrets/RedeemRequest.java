package dev.pacer.contract.secrets;

/**
 * An agent redeems a grant: {@code POST /api/secrets/_redeem}. {@code agentId} must be the agent the
 * grant was issued for. {@link #toString()} never shows the grant.
 */
public record RedeemRequest(String grant, String agentId) {

    @Override
    public String toString() {
        return "RedeemRequest[agentId=" + agentId + ", grant=<redacted>]";
    }
}

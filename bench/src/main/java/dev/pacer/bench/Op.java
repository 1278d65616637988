package dev.pacer.bench;

/** What one measured request does. */
public enum Op {

    /** {@code PUT /v2/apps/{id}} on a random existing app: alternately a scale and a label (config) change. */
    WRITE("write", "PUT /v2/apps/{id}"),
    /** {@code GET /v2/apps/{id}} on a random existing app. */
    READ("read", "GET /v2/apps/{id}"),
    /**
     * {@code GET /ping}: touches no state, so its latency cannot depend on the number of apps. It is
     * the control: when it moves between two sizes as much as the others do, the machine moved.
     */
    PING("ping", "GET /ping");

    private final String label;
    private final String request;

    Op(String label, String request) {
        this.label = label;
        this.request = request;
    }

    public String label() {
        return label;
    }

    public String request() {
        return request;
    }
}

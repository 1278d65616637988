package dev.pacer.contract.agent;

/** An inclusive range of host ports an agent hands out to tasks. */
public record PortRange(int begin, int end) {

    public PortRange {
        if (begin < 1 || end > 65535 || begin > end) {
            throw new IllegalArgumentException("port range must lie within 1..65535 with begin <= end");
        }
    }

    public int size() {
        return end - begin + 1;
    }
}

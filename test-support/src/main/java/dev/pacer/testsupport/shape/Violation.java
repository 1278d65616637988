package dev.pacer.testsupport.shape;

/** One difference from Marathon's shape: where ({@code apps[0].tasks[0].agentId}; empty for the whole answer) and what. */
public record Violation(String path, String problem) {

    @Override
    public String toString() {
        return (path.isEmpty() ? "(answer)" : path) + ": " + problem;
    }
}

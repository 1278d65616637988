package dev.pacer.agent.isolation;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Isolation needs root: these tests skip visibly on a developer's machine that is not root, and FAIL in CI
 * ({@code PACER_CI=1}), which runs as root, so that they can never be skipped there.
 */
final class RootOnly {

    private RootOnly() {
    }

    static void assumeRoot() {
        boolean root = IsolationSupport.ownUid() == 0;
        if (!root && "1".equals(System.getenv("PACER_CI"))) {
            fail("PACER_CI=1 but the tests do not run as root: the isolation tests must run in CI");
        }
        assumeTrue(root, "isolation tests need root (an agent isolates tasks only as root); skipped");
    }
}

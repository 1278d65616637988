package dev.pacer.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code kubectl kustomize}, the renderer the manifests are written for (kustomize 2.0.3 in Debian's kubectl 1.20
 * and kustomize 5.x in current ones render them alike). The binary is {@code $PACER_KUBECTL}, else {@code kubectl}
 * on the PATH. Without it a test is skipped with the reason, and fails under {@code PACER_CI=1} (CI installs it).
 */
final class Kubectl {

    private static final String INSTALL = "apt-get install -y kubernetes-client";

    private Kubectl() {
    }

    static String binary() {
        String configured = System.getenv("PACER_KUBECTL");
        return configured == null || configured.isBlank() ? "kubectl" : configured;
    }

    /** Skips the calling test (fails it under PACER_CI=1) unless kubectl answers. */
    static void assumeAvailable() {
        String problem = problem();
        if (problem == null) {
            return;
        }
        String reason = problem + "; install it (" + INSTALL + ") or point PACER_KUBECTL at one";
        if ("1".equals(System.getenv("PACER_CI"))) {
            Assertions.fail("PACER_CI=1 and " + reason);
        }
        Assumptions.abort(reason);
    }

    private static String problem() {
        try {
            Result r = run(List.of(binary(), "kustomize", "--help"), null);
            return r.exit == 0 ? null : binary() + " kustomize --help exited " + r.exit;
        } catch (UncheckedIOException e) {
            return "no " + binary() + " (" + e.getCause().getMessage() + ")";
        }
    }

    /** The objects {@code kubectl kustomize dir} renders, as YAML; fails the test with kustomize's message otherwise. */
    static String kustomize(Path dir) {
        Result r = run(List.of(binary(), "kustomize", dir.toString()), dir);
        if (r.exit != 0) {
            Assertions.fail("kubectl kustomize " + dir + " exited " + r.exit + ":\n" + r.err);
        }
        return r.out;
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(List<String> command, Path dir) {
        try {
            Path err = Files.createTempFile("kubectl", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    Assertions.fail(String.join(" ", command) + " did not finish within 60 s");
                }
                return new Result(p.exitValue(), out, Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

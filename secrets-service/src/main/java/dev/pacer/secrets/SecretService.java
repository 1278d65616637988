package dev.pacer.secrets;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.secrets.SecretMetadata;
import dev.pacer.contract.secrets.SecretPaths;
import dev.pacer.contract.secrets.SecretVersion;
import dev.pacer.secrets.store.SecretStore;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The user-facing operations: write, metadata, list, delete, versions. Values go in, never out. */
public class SecretService {

    /** A write's result: the metadata, and whether the secret was new. */
    public record Written(SecretMetadata metadata, boolean created) {
    }

    private final SecretStore store;
    private final int maxValueBytes;

    public SecretService(SecretStore store, int maxValueBytes) {
        this.store = store;
        this.maxValueBytes = maxValueBytes;
    }

    public Written put(String path, String value) {
        checkPath(path);
        if (value == null) {
            throw ApiException.invalid(List.of(ErrorDetail.of("/value", "is required")));
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > maxValueBytes) {
            throw ApiException.invalid(List.of(ErrorDetail.of("/value", "must be at most " + maxValueBytes + " bytes")));
        }
        SecretMetadata written = store.put(path, value);
        return new Written(written, written.currentVersion() == 1);
    }

    public SecretMetadata metadata(String path) {
        checkPath(path);
        return store.metadata(path).orElseThrow(() -> notFound(path));
    }

    public List<SecretMetadata> list(String prefix, int limit) {
        if (prefix != null && !prefix.isBlank() && !"/".equals(prefix)) {
            checkPath(prefix);
        }
        return store.list(prefix, Math.max(1, Math.min(limit, 10_000)));
    }

    public void delete(String path) {
        checkPath(path);
        if (!store.delete(path)) {
            throw notFound(path);
        }
    }

    public List<SecretVersion> versions(String path) {
        checkPath(path);
        List<SecretVersion> versions = store.versions(path);
        if (versions.isEmpty()) {
            throw notFound(path);
        }
        return versions;
    }

    private static void checkPath(String path) {
        if (!SecretPaths.isValid(path)) {
            throw ApiException.badRequest("Invalid secret path: %s", SecretPaths.RULE);
        }
    }

    private static ApiException notFound(String path) {
        return ApiException.notFound("Secret '%s' does not exist", path);
    }
}

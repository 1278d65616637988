package dev.pacer.secrets.store;

import dev.pacer.contract.secrets.SecretMetadata;
import dev.pacer.contract.secrets.SecretVersion;
import dev.pacer.secrets.SecretsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Times every backend call and counts failures ({@code pacer.secrets.backend.*}). */
public final class MeteredSecretStore implements SecretStore {

    private final SecretStore store;
    private final SecretsMetrics metrics;

    public MeteredSecretStore(SecretStore store, SecretsMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    public SecretStore delegate() {
        return store;
    }

    @Override
    public String name() {
        return store.name();
    }

    @Override
    public SecretMetadata put(String path, String value) {
        SecretMetadata written = timed("write", () -> store.put(path, value));
        metrics.written(store.name());
        return written;
    }

    @Override
    public Optional<SecretMetadata> metadata(String path) {
        return timed("metadata", () -> store.metadata(path));
    }

    @Override
    public List<SecretMetadata> list(String prefix, int limit) {
        return timed("list", () -> store.list(prefix, limit));
    }

    @Override
    public boolean delete(String path) {
        return timed("delete", () -> store.delete(path));
    }

    @Override
    public List<SecretVersion> versions(String path) {
        return timed("versions", () -> store.versions(path));
    }

    @Override
    public Optional<SecretValue> readCurrent(String path) {
        return timed("read", () -> store.readCurrent(path));
    }

    private <T> T timed(String op, Supplier<T> call) {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            T result = call.get();
            failed = false;
            return result;
        } finally {
            metrics.backendCall(store.name(), op, Duration.ofNanos(System.nanoTime() - start), failed);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}

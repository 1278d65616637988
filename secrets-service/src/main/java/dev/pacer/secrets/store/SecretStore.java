package dev.pacer.secrets.store;

import dev.pacer.contract.secrets.SecretMetadata;
import dev.pacer.contract.secrets.SecretVersion;
import java.util.List;
import java.util.Optional;

/**
 * Where secret values live: the embedded encrypted store in Redis, or Vault KV v2. Paths are valid
 * {@link dev.pacer.contract.secrets.SecretPaths}. Implementations never put a value into an exception
 * message or a log line.
 */
public interface SecretStore extends AutoCloseable {

    /** {@code embedded} or {@code vault}: the metrics tag and {@link SecretMetadata#backend()}. */
    String name();

    /** Stores {@code value} as the secret's new current version. */
    SecretMetadata put(String path, String value);

    Optional<SecretMetadata> metadata(String path);

    /** Secrets at or below {@code prefix}, ordered by path, at most {@code limit}. */
    List<SecretMetadata> list(String prefix, int limit);

    /** Deletes every version; false when there was no such secret. */
    boolean delete(String path);

    /** The stored versions, oldest first; empty when there is no such secret. */
    List<SecretVersion> versions(String path);

    /** The current version's value. */
    Optional<SecretValue> readCurrent(String path);

    /** Ends what the store holds open (a Vault session: its token is revoked); nothing by default. */
    @Override
    default void close() {
    }
}

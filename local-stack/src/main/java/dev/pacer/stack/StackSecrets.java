package dev.pacer.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The keys of the local stack's secrets, kept out of Redis, command lines and logs: the embedded store's
 * key-encryption key is generated once and kept in {@code <stack dir>/secrets-kek} (mode 0600) so that
 * values stored in a persistent Redis stay readable across runs; the grant key is new on every run. Both
 * go into {@code <stack dir>/secrets.properties} (0600), which the scheduler and
 * secrets-service import ({@code spring.config.import}).
 */
final class StackSecrets {

    private final Path properties;

    private StackSecrets(Path properties) {
        this.properties = properties;
    }

    /** Creates (or refreshes) the key files in {@code dir}. */
    static StackSecrets prepare(Path dir) {
        try {
            OwnerOnly.directory(dir);
            Path kekFile = dir.resolve("secrets-kek");
            if (Files.notExists(kekFile)) {
                OwnerOnly.write(kekFile, OwnerOnly.randomBase64(32) + "\n");
            }
            String kek = Files.readString(kekFile).trim();
            Path properties = dir.resolve("secrets.properties");
            OwnerOnly.write(properties, "# written by the local stack on every run; never commit\n"
                    + "pacer.secrets.embedded.keys.1=" + kek + "\n"
                    + "pacer.secrets.grant-key=" + OwnerOnly.randomBase64(32) + "\n");
            return new StackSecrets(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the stack's secret keys in " + dir, e);
        }
    }

    /** The file a service imports to read the keys. */
    Path file() {
        return properties;
    }
}

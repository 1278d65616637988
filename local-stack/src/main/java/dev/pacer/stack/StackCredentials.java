package dev.pacer.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Credentials the local stack generates once and keeps (0600) in its directory, reused across runs:
 * the gateway's bootstrap admin ({@code admin-credential}, {@code admin:<password>}, ready for
 * {@code curl -u "$(cat .pacer/admin-credential)"}) and the Redis ACL user's password
 * ({@code redis/password}, with the {@code redis/redis.conf} the embedded redis-server reads, beside the
 * {@code redis/data/} directory it keeps its append-only file in).
 */
final class StackCredentials {

    static final String ADMIN = "admin";
    static final String ADMIN_FILE = "admin-credential";
    static final String REDIS_USER = "pacer";

    private StackCredentials() {
    }

    /**
     * @param created whether this run generated it (the launcher prints it this once)
     */
    record Admin(String name, String password, Path file, boolean created) {

        /** Spring Security's encoded form for the gateway, never the password itself. */
        String encoded() {
            return "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
        }
    }

    /** The gateway's admin: read from {@code <stack dir>/admin-credential}, generated there on first use. */
    static Admin admin(Path stackDir) {
        Path file = stackDir.resolve(ADMIN_FILE);
        try {
            boolean created = Files.notExists(file);
            if (created) {
                OwnerOnly.write(file, ADMIN + ":" + OwnerOnly.randomPassword(18) + "\n");
            }
            String line = Files.readString(file).trim();
            int colon = line.indexOf(':');
            if (colon <= 0 || colon == line.length() - 1) {
                throw new IllegalStateException(file + " must hold one line name:password");
            }
            return new Admin(line.substring(0, colon), line.substring(colon + 1), file, created);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + file, e);
        }
    }

    /**
     * The embedded Redis's ACL: the default user off, one user {@value #REDIS_USER} with a password generated
     * once. Returns the config file redis-server reads, the password services connect with and the directory
     * where the embedded redis-server keeps its append-only file ({@code redis/data}, created 0700 when it
     * starts, kept across runs: a later run finds the data of the earlier ones; deleting it starts over).
     */
    record Redis(Path config, String password, Path dataDir) {

        String url(int port) {
            return "redis://" + REDIS_USER + ":" + password + "@127.0.0.1:" + port;
        }
    }

    static Redis redis(Path stackDir) {
        Path dir = stackDir.resolve("redis");
        Path passwordFile = dir.resolve("password");
        Path config = dir.resolve("redis.conf");
        try {
            OwnerOnly.directory(dir);
            if (Files.notExists(passwordFile)) {
                OwnerOnly.write(passwordFile, OwnerOnly.randomPassword(24) + "\n");
            }
            String password = Files.readString(passwordFile).trim();
            OwnerOnly.write(config, String.join("\n", List.of(
                    "# written by the local stack on every run; never commit",
                    "user default off",
                    "user " + REDIS_USER + " on >" + password + " ~* &* +@all",
                    "")));
            return new Redis(config, password, dir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Redis's credentials in " + dir, e);
        }
    }
}

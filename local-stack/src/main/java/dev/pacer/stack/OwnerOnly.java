package dev.pacer.stack;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Files only their owner may read (0600) and directories only their owner may enter (0700). */
final class OwnerOnly {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OwnerOnly() {
    }

    /** Writes {@code content}, the file being 0600 before the first byte is written. */
    static void write(Path file, String content) throws IOException {
        directory(file.getParent());
        if (Files.notExists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(content);
        }
    }

    /** Creates {@code dir} (0700) if it is missing; an existing directory keeps its mode. */
    static Path directory(Path dir) throws IOException {
        if (Files.notExists(dir)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return dir;
    }

    /** {@code bytes} random bytes, base64 (standard alphabet). */
    static String randomBase64(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A password of {@code bytes} random bytes that needs no quoting in a URL, a shell or a properties file. */
    static String randomPassword(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}

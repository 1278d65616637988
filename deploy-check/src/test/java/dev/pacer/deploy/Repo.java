package dev.pacer.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checkout the tests run in: found from the working directory (a module's or the root's). */
public final class Repo {

    private Repo() {
    }

    /** The repository's root: the nearest directory up from the working directory holding {@code mvnw} and {@code k8s/}. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("k8s"))) {
                return d;
            }
        }
        throw new IllegalStateException("no Pacer checkout (mvnw and k8s/) above " + dir);
    }

    /** The project's version, from the root pom (the service images' tag). */
    public static String version(Path root) {
        String pom = read(root.resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>pacer</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("no version of artifact pacer in " + root.resolve("pom.xml"));
        }
        return m.group(1).trim();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

package dev.pacer.agent.isolation;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The machine's accounts: {@code getent passwd <name>} (NSS: files, LDAP, ...) and the uids of {@code /etc/passwd}. */
final class SystemAccounts implements TaskUsers.Accounts {

    private final Path passwd;

    SystemAccounts(Path passwd) {
        this.passwd = passwd;
    }

    @Override
    public Optional<TaskUsers.TaskUser> byName(String name) {
        try {
            Process getent = new ProcessBuilder(List.of("getent", "passwd", name))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(getent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!getent.waitFor(5, TimeUnit.SECONDS) || getent.exitValue() != 0) {
                return Optional.empty();
            }
            return parse(out.lines().findFirst().orElse(""), name);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public Set<Integer> uidsWithAccount() {
        Set<Integer> uids = new HashSet<>();
        try {
            for (String line : Files.readAllLines(passwd)) {
                String[] fields = line.split(":", -1);
                if (fields.length > 3) {
                    try {
                        uids.add(Integer.parseInt(fields[2]));
                    } catch (NumberFormatException ignored) {
                        // not an account line
                    }
                }
            }
        } catch (IOException e) {
            // no file: no account to avoid
        }
        return uids;
    }

    static Optional<TaskUsers.TaskUser> parse(String line, String name) {
        String[] fields = line.split(":", -1);
        if (fields.length < 4 || !fields[0].equals(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TaskUsers.TaskUser(name, Integer.parseInt(fields[2]), Integer.parseInt(fields[3])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launcher's and run-local.sh's command line: every option parsed, documented alike, errors as usage. */
class StackOptionsTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Path RUN_LOCAL = HOME.resolve("run-local.sh");

    @Test
    void everyOption_isParsed() {
        StackOptions options = StackOptions.parse(new String[] {"--home=" + HOME, "--port-base=20000",
                "--redis-url=redis://r:1", "--log-dir=/tmp/pacer-logs", "--ready-timeout=30", "--public", "--insecure-dev"});
        assertThat(options.home()).isEqualTo(HOME);
        assertThat(options.ports()).isEqualTo(StackOptions.Ports.from(20000));
        assertThat(options.redisUrl()).isEqualTo("redis://r:1");
        assertThat(options.logDir()).isEqualTo(Path.of("/tmp/pacer-logs"));
        assertThat(options.readyTimeout().toSeconds()).isEqualTo(30);
        assertThat(options.publicGateway()).isTrue();
        assertThat(options.insecureDev()).isTrue();
    }

    @Test
    void helpIsAskedFor_withDashHOrDashDashHelp_anywhere() {
        assertThat(StackOptions.helpRequested(new String[] {"--help"})).isTrue();
        assertThat(StackOptions.helpRequested(new String[] {"--port-base=9000", "-h"})).isTrue();
        assertThat(StackOptions.helpRequested(new String[] {"--port-base=9000"})).isFalse();
        assertThat(StackOptions.helpRequested(new String[] {"--helpful"})).isFalse();
    }

    @Test
    void badOptions_areNamedInTheMessage() {
        assertThatThrownBy(() -> parse("--bogus")).hasMessage("unknown option --bogus");
        assertThatThrownBy(() -> parse("--port-base=abc")).hasMessage("--port-base needs a number from 1 to 65519, got 'abc'");
        assertThatThrownBy(() -> parse("--port-base=70000")).hasMessageStartingWith("--port-base needs a number");
        assertThatThrownBy(() -> parse("--ready-timeout=0")).hasMessageStartingWith("--ready-timeout needs a number from 1");
    }

    @Test
    void theUsage_listsEveryOption_andRunLocalSh_listsTheSame() throws Exception {
        Set<String> documented = options(StackOptions.USAGE);
        assertThat(documented).containsExactlyInAnyOrder("--port-base", "--redis-url", "--home", "--log-dir",
                "--ready-timeout", "--public", "--insecure-dev", "--compose-secrets", "--help");
        // run-local.sh checks the options before building: it lets every documented one through
        String accepted = Files.readString(RUN_LOCAL).lines().filter(l -> l.contains("--port-base=*|")).findFirst().orElseThrow();
        Set<String> passed = new TreeSet<>();
        Matcher m = Pattern.compile("--[a-z-]+").matcher(accepted);
        while (m.find()) {
            passed.add(m.group());
        }
        passed.add("--help");
        assertThat(passed).isEqualTo(documented);
        assertThat(run("--help").stdout).isEqualTo(StackOptions.USAGE);
    }

    @Test
    void runLocalSh_answersHelpWithExit0_andAnUnknownOptionWithTheUsageOnStderrAndExit2_withoutBuilding() throws Exception {
        Result help = run("-h");
        assertThat(help.code).isZero();
        assertThat(help.stdout).startsWith("usage: ./run-local.sh [options]");
        assertThat(help.stderr).isEmpty();

        Result unknown = run("--port-base=9000", "--bogus");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.stdout).isEmpty();
        assertThat(unknown.stderr).startsWith("run-local.sh: unknown option --bogus\nusage: ./run-local.sh [options]");
    }

    @Test
    void theLauncher_answersHelpWithExit0_andBadOptionsWithTheUsageOnStderrAndExit2() throws Exception {
        Result help = launcher("--help");
        assertThat(help.code).isZero();
        assertThat(help.stdout).isEqualTo(StackOptions.USAGE);

        Result unknown = launcher("--bogus");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.stderr).isEqualTo("pacer: unknown option --bogus\n" + StackOptions.USAGE);

        Result badNumber = launcher("--ready-timeout=soon");
        assertThat(badNumber.code).isEqualTo(2);
        assertThat(badNumber.stderr).startsWith("pacer: --ready-timeout needs a number from 1 to 86400, got 'soon'\nusage:");
    }

    private static StackOptions parse(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--home=" + HOME;
        System.arraycopy(args, 0, all, 1, args.length);
        return StackOptions.parse(all);
    }

    private static Set<String> options(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s+(?:-h, )?(--[a-z-]+)").matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private record Result(int code, String stdout, String stderr) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", RUN_LOCAL.toString()));
        command.addAll(List.of(args));
        return exec(command);
    }

    private static Result launcher(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dpacer.home=" + HOME, LocalStack.class.getName()));
        command.addAll(List.of(args));
        return exec(command);
    }

    private static Result exec(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("stack-options", ".out");
        Path err = Files.createTempFile("stack-options", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            // a build would take minutes: an answer within seconds shows none started
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("%s answered within 20 s", command).isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

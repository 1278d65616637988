package dev.pacer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line answers every mistake with the usage, before anything starts (no stack trace, no
 * process): the cases here never reach a bench's run.
 */
class BenchTest {

    private static final String HOME = "--home=" + Path.of("..").toAbsolutePath().normalize();

    private record Answer(int code, String out, String err) {
    }

    private static Answer bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Bench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noArguments_printTheListOfBenches_onStderr_exit2() {
        Answer answer = bench();
        assertThat(answer.code()).isEqualTo(2);
        assertThat(answer.out()).isEmpty();
        assertThat(answer.err()).startsWith("usage: java -jar bench/target/bench.jar <bench> [options]");
        for (BenchCommand command : Bench.COMMANDS) {
            assertThat(answer.err()).contains("  " + command.name() + " ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void help_printsTheListOfBenches_exit0(String help) {
        Answer answer = bench(help);
        assertThat(answer.code()).isZero();
        assertThat(answer.out()).isEqualTo(Bench.usage());
        assertThat(answer.err()).isEmpty();
    }

    @Test
    void anUnknownBench_isNamed_withTheList_exit2() {
        Answer answer = bench("api-latancy", "--sizes=100");
        assertThat(answer.code()).isEqualTo(2);
        assertThat(answer.err()).isEqualTo("bench: unknown bench 'api-latancy'\n" + Bench.usage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-latency", "group-deploy", "gateway-overhead", "health-check", "proxy-floor", "launch-latency", "events"})
    void everyBench_answersHelp_withItsOwnUsage_exit0(String name) {
        for (String help : new String[] {"--help", "-h"}) {
            Answer answer = bench(name, "--sizes=1", help);
            assertThat(answer.code()).isZero();
            assertThat(answer.out()).startsWith("usage: java -jar bench/target/bench.jar " + name + " ")
                    .contains("  --");
            assertThat(answer.err()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "api-latency      | --sizes=100,abc       | bench api-latency: --sizes: 'abc' is not a whole number",
            "api-latency      | --bogus               | bench api-latency: unknown option --bogus",
            "group-deploy     | --apps=many           | bench group-deploy: --apps needs a whole number of at least 1, got 'many'",
            "group-deploy     | --sizes=100           | bench group-deploy: unknown option --sizes=100",
            "gateway-overhead | --rate=fast           | bench gateway-overhead: --rate needs a whole number of at least 1, got 'fast'",
            "gateway-overhead | --rat=300             | bench gateway-overhead: unknown option --rat=300",
            "health-check     | --tasks=0             | bench health-check: --tasks needs a whole number of at least 1, got '0'",
            "health-check     | --mix=1,2             | bench health-check: --mix needs four weights (fast,slow,fail,flap), not all 0, got '1,2'",
            "health-check     | tasks=10              | bench health-check: unexpected argument tasks=10 (options are --name=value)",
            "proxy-floor      | --port=18090          | bench proxy-floor: --port and --upstream are required",
            "launch-latency   | --runs=-1             | bench launch-latency: --runs needs a whole number of at least 1, got '-1'",
            "launch-latency   | --image               | bench launch-latency: --image needs a value (--image=...)",
            "events           | --subscribers=0       | bench events: --subscribers needs a whole number of at least 1, got '0'"})
    void aBadOption_isNamed_withTheBenchsUsage_exit2_andNoStackTrace(String name, String option, String message) {
        // proxy-floor starts no stack: it knows no --home
        Answer answer = name.equals("proxy-floor") ? bench(name, option) : bench(name, HOME, option);
        assertThat(answer.code()).isEqualTo(2);
        assertThat(answer.out()).isEmpty();
        assertThat(answer.err()).startsWith(message + "\nusage: java -jar bench/target/bench.jar " + name + " ")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void optionsAlone_areTheApiLatencyBench() {
        Answer answer = bench("--sizes=10,5");
        assertThat(answer.code()).isEqualTo(2);
        assertThat(answer.err()).startsWith("bench api-latency: --sizes must be ascending");
    }
}

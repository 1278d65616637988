package dev.pacer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final String HOME = "--home=" + Path.of("..").toAbsolutePath().normalize();

    @Test
    void defaults_areTheReadmeRun() {
        BenchOptions o = BenchOptions.parse(HOME);

        assertThat(o.sizes()).containsExactly(100, 10_000);
        assertThat(o.threads()).containsExactly(1, 8);
        assertThat(o.ops()).containsExactly(Op.WRITE, Op.READ, Op.PING);
        assertThat(o.requests()).isEqualTo(2000);
        assertThat(o.batch()).isEqualTo(500);
        assertThat(o.schedulerJvmOptions()).isEqualTo(BenchOptions.LEAN_JVM);
        assertThat(o.outDir()).isEqualTo(o.home().resolve("bench/results"));
    }

    @Test
    void options_override_theDefaults() {
        BenchOptions o = BenchOptions.parse(HOME, "--sizes=10,20,30", "--threads=4", "--ops=read", "--requests=50",
                "--jvm-opts=-Xmx1g  -XX:+UseG1GC", "--scheduler-arg=--a=b", "--scheduler-arg=--c=d");

        assertThat(o.sizes()).containsExactly(10, 20, 30);
        assertThat(o.threads()).containsExactly(4);
        assertThat(o.ops()).containsExactly(Op.READ);
        assertThat(o.requests()).isEqualTo(50);
        assertThat(o.schedulerJvmOptions()).containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(o.schedulerArgs()).containsExactly("--a=b", "--c=d");
        assertThat(o.needsApps()).isTrue();
        assertThat(BenchOptions.parse(HOME, "--ops=ping").needsApps()).isFalse();
    }

    @Test
    void sizes_mustGrow_becauseTheStoreOnlyGrows() {
        assertThatThrownBy(() -> BenchOptions.parse(HOME, "--sizes=10000,100"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
    }

    @Test
    void unknownOptions_areRejected() {
        assertThatThrownBy(() -> BenchOptions.parse(HOME, "--size=100")).hasMessageContaining("unknown option --size=100");
        assertThatThrownBy(() -> BenchOptions.parse(HOME, "--ops=delete")).hasMessageContaining("unknown op delete");
    }
}

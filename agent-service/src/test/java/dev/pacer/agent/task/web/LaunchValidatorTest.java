package dev.pacer.agent.task.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.task.LaunchRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchValidatorTest {

    private static final String TASK_ID = "web.instance-4f1b8c1e-0d8e-4a5e-9c44-5d2f1b9a7e21._app.1";

    @Test
    void validRequest_becomesTheContractsRequest() {
        LaunchRequest request = LaunchValidator.validated(body(TASK_ID, "run.sh", null, Map.of("A", "1"), List.of(31000)));

        assertThat(request.taskId()).isEqualTo(TASK_ID);
        assertThat(request.cmd()).isEqualTo("run.sh");
        assertThat(request.portNames()).containsExactly((String) null);
        assertThat(request.killGracePeriodSeconds()).isZero();
    }

    @Test
    void cmdAndArgsTogether_orNeither_areRefusedWith422() {
        assertThatThrownBy(() -> LaunchValidator.validated(body(TASK_ID, "run.sh", List.of("/bin/true"), null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.body().details()).extracting(ErrorDetail::path).containsExactly("/");
                });
        assertThat(paths(body(TASK_ID, null, null, null, null))).containsExactly("/");
    }

    @Test
    void taskIds_mustBeTaskIds_safeAsFileNames() {
        assertThat(paths(body("nope", "x", null, null, null))).containsExactly("/taskId");
        assertThat(paths(body("../../etc/passwd.instance-4f1b8c1e-0d8e-4a5e-9c44-5d2f1b9a7e21._app.1", "x", null, null, null)))
                .containsExactly("/taskId");
        assertThat(paths(body(null, "x", null, null, null))).containsExactly("/taskId");
    }

    @Test
    void envNamesAndPorts_areChecked_withoutEchoingValues() {
        List<ErrorDetail> errors = LaunchValidator.problems(body(TASK_ID, "x", null,
                Map.of("BAD=NAME", "secret-value"), List.of(0, 31000, 65536)));

        assertThat(errors).extracting(ErrorDetail::path).containsExactlyInAnyOrder("/env", "/ports(0)", "/ports(2)");
        assertThat(errors.toString()).doesNotContain("secret-value");
    }

    private static List<String> paths(LaunchBody body) {
        return LaunchValidator.problems(body).stream().map(ErrorDetail::path).toList();
    }

    private static LaunchBody body(String taskId, String cmd, List<String> args, Map<String, String> env, List<Integer> ports) {
        return new LaunchBody(taskId, "/web", "v1", cmd, args, env, null, ports, null, 0.1, 32.0, 0.0, null, null, null, null, null, null);
    }
}

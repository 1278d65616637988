package dev.pacer.agent.task.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.task.ContainerSpec;
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

    @Test
    void container_needsNoCommand_butAnImage_aKnownNetwork_andMappingsOnItsOwnPorts() {
        ContainerSpec good = new ContainerSpec("pacer/test-http", false, false, List.of(), ContainerSpec.BRIDGE, null,
                List.of(new ContainerSpec.PortMapping(8080, 31001, "tcp", null)), List.of());
        assertThat(paths(container(TASK_ID, good, List.of(31001)))).isEmpty();

        ContainerSpec bad = new ContainerSpec(" ", false, false, List.of(new ContainerSpec.Parameter("-v", "x")), "OVERLAY",
                null, List.of(new ContainerSpec.PortMapping(8080, 31009, "sctp", null)),
                List.of(new ContainerSpec.Volume("relative", "/a:b", "RW")));
        assertThat(paths(container(TASK_ID, bad, List.of(31001)))).containsExactlyInAnyOrder("/container/image",
                "/container/network", "/container/portMappings(0)/hostPort", "/container/portMappings(0)/protocol",
                "/container/volumes(0)/hostPath", "/container/volumes(0)/containerPath", "/container/parameters(0)/key");
        assertThat(paths(new LaunchBody(TASK_ID, "/web", "v1", "x", List.of("y"), null, null, List.of(), null, 0.1, 32.0, 0.0,
                null, null, null, null, null, null, ContainerSpec.of("i")))).containsExactly("/");
    }

    private static LaunchBody container(String taskId, ContainerSpec spec, List<Integer> ports) {
        return new LaunchBody(taskId, "/web", "v1", null, null, null, null, ports, null, 0.1, 32.0, 0.0, null, null, null,
                null, null, null, spec);
    }

    private static LaunchBody body(String taskId, String cmd, List<String> args, Map<String, String> env, List<Integer> ports) {
        return new LaunchBody(taskId, "/web", "v1", cmd, args, env, null, ports, null, 0.1, 32.0, 0.0, null, null, null, null, null, null, null);
    }
}

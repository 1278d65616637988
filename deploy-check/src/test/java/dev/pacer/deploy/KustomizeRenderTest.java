package dev.pacer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders with {@code kubectl kustomize} into the objects the design asks for. */
class KustomizeRenderTest {

    static List<String> overlays() {
        return Rendered.overlays().toList();
    }

    @Test
    void theOverlays_areDevAndProd() {
        assertThat(overlays()).contains("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObject_landsInTheOverlaysNamespace(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        assertThat(r.objects).isNotEmpty();
        assertThat(r.objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as(id(o)).isEqualTo("pacer"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void workloads_deploymentsAStatefulSetOfTwoPeersAndAnAgentDaemonSet(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        assertThat(names(r.all(Deployment.class))).containsExactlyInAnyOrder("gateway", "scheduler", "secrets", "health");
        StatefulSet discovery = r.find(StatefulSet.class, "discovery").orElseThrow();
        assertThat(discovery.getSpec().getReplicas()).isEqualTo(2);
        Service peers = r.find(Service.class, discovery.getSpec().getServiceName()).orElseThrow();
        assertThat(peers.getSpec().getClusterIP()).as("headless: one DNS name per peer").isEqualTo("None");
        assertThat(peers.getSpec().getPublishNotReadyAddresses()).isTrue();
        DaemonSet agent = r.find(DaemonSet.class, "agent").orElseThrow();
        assertThat(agent.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry("pacer.dev/agent", "true");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void autoscalersOnCpu_forGatewayHealthAndScheduler_andDisruptionBudgets(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<HorizontalPodAutoscaler> hpas = r.all(HorizontalPodAutoscaler.class);
        assertThat(hpas).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("gateway", "health", "scheduler");
        assertThat(hpas).allSatisfy(h -> {
            assertThat(r.find(Deployment.class, h.getSpec().getScaleTargetRef().getName())).isPresent();
            assertThat(h.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(h.getSpec().getMetrics()).anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
            assertThat(h.getSpec().getMinReplicas()).isLessThanOrEqualTo(h.getSpec().getMaxReplicas());
        });
        assertThat(r.all(PodDisruptionBudget.class)).extracting(Rendered::name)
                .containsExactlyInAnyOrder("gateway", "scheduler", "secrets", "health", "discovery");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPolicies_onlyTheGatewayIsOpenToEveryone(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<NetworkPolicy> policies = r.all(NetworkPolicy.class);
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactly("Ingress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
        });
        for (NetworkPolicy p : policies) {
            for (NetworkPolicyIngressRule rule : p.getSpec().getIngress()) {
                boolean fromAnywhere = rule.getFrom().isEmpty() || rule.getFrom().stream()
                        .anyMatch(f -> f.getIpBlock() != null && f.getIpBlock().getCidr().endsWith("/0"));
                if (fromAnywhere) {
                    assertThat(p.getSpec().getPodSelector().getMatchLabels()).as(id(p) + " opens to everyone")
                            .containsEntry("app.kubernetes.io/name", "gateway");
                    assertThat(rule.getPorts()).as(id(p)).extracting(port -> port.getPort().getIntVal()).containsExactly(8080);
                }
                rule.getFrom().stream().filter(f -> f.getIpBlock() != null).forEach(f -> assertThat(f.getIpBlock().getCidr())
                        .as(id(p) + ": the base's placeholder (TEST-NET-1) must be replaced by the overlay").isNotEqualTo("192.0.2.0/24"));
            }
        }
        assertThat(policies).anySatisfy(p -> assertThat(p.getSpec().getIngress()).anySatisfy(rule -> assertThat(rule.getFrom())
                .anySatisfy(f -> {
                    assertThat(f.getPodSelector()).isNotNull();
                    assertThat(f.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "prometheus");
                })));
    }

    @Test
    void dev_runsRedisWithAppendOnlyAndAPassword_prodUsesAnExternalOne() {
        StatefulSet redis = Rendered.overlay("dev").find(StatefulSet.class, "redis").orElseThrow();
        List<String> args = redis.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
        assertThat(String.join(" ", args)).contains("--appendonly yes", "--appendfsync everysec", "--dir /data")
                .contains("--requirepass $(REDIS_PASSWORD)");
        assertThat(redis.getSpec().getVolumeClaimTemplates()).isNotEmpty();
        assertThat(Rendered.overlay("prod").find(StatefulSet.class, "redis")).isEmpty();
        assertThat(Rendered.overlay("prod").find(Service.class, "gateway").orElseThrow().getSpec().getType()).isEqualTo("LoadBalancer");
    }

    static String id(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }

    static Set<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(Rendered::name).collect(Collectors.toSet());
    }
}

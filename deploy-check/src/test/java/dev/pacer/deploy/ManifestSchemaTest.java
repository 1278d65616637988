package dev.pacer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered object against the Kubernetes API schema (fabric8's model, offline), then the rules the API
 * server would only find at apply time or never: images, ports, selectors that select, probes on real ports,
 * requests and limits, Secrets and ConfigMaps that exist or that k8s/README.md tells the operator to create,
 * non-root pods.
 */
class ManifestSchemaTest {

    static List<String> overlays() {
        return Rendered.overlays().toList();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObject_isAKnownApiTypeWithOnlyKnownFields(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : r.documents) {
            Object name = doc.get("metadata") instanceof Map<?, ?> m ? m.get("name") : null;
            String id = doc.get("kind") + "/" + name;
            try {
                Manifests.unknownFields(Manifests.bind(doc)).forEach(f -> problems.add(id + ": unknown field " + f));
            } catch (RuntimeException e) {
                problems.add(id + ": " + e.getMessage());
            }
            if (name == null) {
                problems.add(id + ": no metadata.name");
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainer_hasAnImagePortsProbesAndResources(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        r.podTemplates().forEach((workload, pod) -> {
            for (Container c : pod.getSpec().getContainers()) {
                String id = overlay + " " + workload + "/" + c.getName();
                assertThat(c.getImage()).as(id + " image").isNotBlank();
                assertThat(c.getPorts()).as(id + " ports").isNotEmpty();
                assertThat(c.getLivenessProbe()).as(id + " liveness probe").isNotNull();
                assertThat(c.getReadinessProbe()).as(id + " readiness probe").isNotNull();
                for (String kind : List.of("requests", "limits")) {
                    var amounts = kind.equals("requests") ? c.getResources().getRequests() : c.getResources().getLimits();
                    assertThat(amounts).as(id + " " + kind).containsKeys("cpu", "memory");
                }
                for (Probe p : probes(c)) {
                    assertThat(containerPort(c, probePort(p))).as(id + " probe port " + probePort(p) + " is a container port").isNotNull();
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void selectors_selectTheirPods_andServicesTargetTheirPorts(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        r.workloads().forEach(w -> assertThat(w.pod().getMetadata().getLabels())
                .as(overlay + " " + w.id() + " template labels").containsAllEntriesOf(w.selector().getMatchLabels()));
        for (Service s : r.all(Service.class)) {
            List<PodTemplateSpec> pods = r.podsSelectedBy(s.getSpec().getSelector());
            assertThat(pods).as(overlay + " Service/" + Rendered.name(s) + " selects a workload").isNotEmpty();
            s.getSpec().getPorts().forEach(port -> assertThat(pods.stream().allMatch(p -> p.getSpec().getContainers().stream()
                            .anyMatch(c -> containerPort(c, port.getTargetPort()) != null)))
                    .as(overlay + " Service/" + Rendered.name(s) + " port " + port.getName() + ": target port "
                            + port.getTargetPort().getValue() + " is a port of every pod it selects").isTrue());
        }
        for (PodDisruptionBudget b : r.all(PodDisruptionBudget.class)) {
            assertThat(r.podsSelectedBy(b.getSpec().getSelector().getMatchLabels())).as("PDB/" + Rendered.name(b)).hasSize(1);
        }
        for (NetworkPolicy p : r.all(NetworkPolicy.class)) {
            Map<String, String> labels = p.getSpec().getPodSelector().getMatchLabels();
            if (labels != null && !labels.isEmpty()) {
                assertThat(r.podsSelectedBy(labels)).as("NetworkPolicy/" + Rendered.name(p) + " selects pods").isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretAndConfigMap_existsOrTheReadmeSaysHowToCreateIt(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Map<String, TreeSet<String>> secrets = new TreeMap<>();
        r.podTemplates().forEach((workload, pod) -> {
            PodSpec spec = pod.getSpec();
            for (Container c : spec.getContainers()) {
                c.getEnvFrom().forEach(from -> {
                    if (from.getConfigMapRef() != null) {
                        assertThat(r.find(ConfigMap.class, from.getConfigMapRef().getName())).as(workload + " envFrom").isPresent();
                    }
                    if (from.getSecretRef() != null) {
                        secrets.computeIfAbsent(from.getSecretRef().getName(), k -> new TreeSet<>());
                    }
                });
                c.getEnv().stream().filter(e -> e.getValueFrom() != null).forEach(e -> {
                    var ref = e.getValueFrom();
                    if (ref.getSecretKeyRef() != null) {
                        secrets.computeIfAbsent(ref.getSecretKeyRef().getName(), k -> new TreeSet<>()).add(ref.getSecretKeyRef().getKey());
                    }
                    if (ref.getConfigMapKeyRef() != null) {
                        assertThat(r.find(ConfigMap.class, ref.getConfigMapKeyRef().getName()).map(cm -> cm.getData())
                                .orElse(Map.of())).as(workload + " " + e.getName()).containsKey(ref.getConfigMapKeyRef().getKey());
                    }
                });
            }
            for (Volume v : spec.getVolumes()) {
                if (v.getSecret() != null) {
                    secrets.computeIfAbsent(v.getSecret().getSecretName(), k -> new TreeSet<>());
                }
                if (v.getConfigMap() != null) {
                    assertThat(r.find(ConfigMap.class, v.getConfigMap().getName())).as(workload + " volume " + v.getName()).isPresent();
                }
            }
        });
        String readme = commands(Repo.read(Repo.root().resolve("k8s/README.md")));
        secrets.forEach((name, keys) -> {
            if (r.find(Secret.class, name).isPresent()) {
                return;
            }
            Matcher m = Pattern.compile("kubectl[^\\n]*create secret[^\\n]*\\s" + Pattern.quote(name) + "(\\s[^\\n]*)?(\\n|$)").matcher(readme);
            List<String> commands = new ArrayList<>();
            while (m.find()) {
                commands.add(m.group());
            }
            assertThat(commands).as(overlay + ": Secret " + name + " is neither rendered nor created by a `kubectl create secret`"
                    + " command of k8s/README.md").isNotEmpty();
            assertThat(commands).as("a command of k8s/README.md creates Secret " + name + " with the keys " + keys)
                    .anySatisfy(command -> keys.forEach(key -> assertThat(command)
                            .containsPattern("--from-(literal|file)=" + Pattern.quote(key) + "=")));
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodButTheAgent_runsAsNonRootOnAReadOnlyRoot(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        r.podTemplates().forEach((workload, pod) -> {
            if (workload.equals("DaemonSet/agent")) {
                return;
            }
            PodSpec spec = pod.getSpec();
            assertThat(spec.getSecurityContext().getRunAsNonRoot()).as(workload).isTrue();
            assertThat(spec.getHostNetwork()).as(workload + " host network").isNotEqualTo(Boolean.TRUE);
            for (Container c : spec.getContainers()) {
                String id = overlay + " " + workload + "/" + c.getName();
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(id).isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(id).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(id).contains("ALL");
                if (c.getImage().startsWith("pacer/")) {
                    assertThat(spec.getSecurityContext().getRunAsUser()).as(id + ": the images' user pacer").isEqualTo(10001L);
                    assertThat(c.getVolumeMounts()).as(id + ": a writable /tmp").anySatisfy(m -> {
                        assertThat(m.getMountPath()).isEqualTo("/tmp");
                        assertThat(spec.getVolumes()).anySatisfy(v -> {
                            assertThat(v.getName()).isEqualTo(m.getName());
                            assertThat(v.getEmptyDir()).isNotNull();
                        });
                    });
                }
            }
        });
    }

    static List<Probe> probes(Container c) {
        List<Probe> probes = new ArrayList<>();
        for (Probe p : new Probe[] {c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe()}) {
            if (p != null && (p.getHttpGet() != null || p.getTcpSocket() != null)) {
                probes.add(p);
            }
        }
        return probes;
    }

    static IntOrString probePort(Probe p) {
        return p.getHttpGet() != null ? p.getHttpGet().getPort() : p.getTcpSocket().getPort();
    }

    /** The container port a name or number designates, or null. */
    static ContainerPort containerPort(Container c, IntOrString port) {
        return c.getPorts().stream().filter(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
                : port.getIntVal().equals(p.getContainerPort())).findFirst().orElse(null);
    }

    /** Markdown text with shell line continuations joined: one command per line. */
    static String commands(String markdown) {
        return markdown.replaceAll("\\\\\\n\\s*", " ");
    }
}

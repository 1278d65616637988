package dev.pacer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests against the services themselves: every Pacer container (image {@code pacer/<service>:<version>})
 * exposes the port its service listens on ({@code ${PORT:…}} of its application.yml, or PORT), the probe port it
 * serves ({@code PACER_PROBES_PORT}) with {@code /livez} and {@code /readyz} there, the management port it is given;
 * Prometheus scrapes the port the actuator is on; every environment variable is a name the service reads
 * ({@link ServiceConfigKeys}); the names services are called by (Eureka peers, registered host names, the agents'
 * secrets URL) resolve to a Service or peer that serves that port.
 */
class ManifestServiceCrossCheckTest {

    private static final Pattern IMAGE = Pattern.compile("pacer/([a-z]+):(.+)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    static List<String> overlays() {
        return Rendered.overlays().toList();
    }

    /** A Pacer container of a workload, with its environment as the process sees it. */
    record PacerContainer(String workload, PodTemplateSpec pod, Container container, String module, String tag,
                          Map<String, EnvVar> env) {

        String id() {
            return workload + "/" + container.getName();
        }

        String value(String name) {
            EnvVar e = env.get(name);
            return e == null ? null : e.getValue();
        }
    }

    static List<PacerContainer> pacerContainers(Rendered r) {
        List<PacerContainer> found = new ArrayList<>();
        r.podTemplates().forEach((workload, pod) -> pod.getSpec().getContainers().forEach(c -> {
            Matcher m = IMAGE.matcher(c.getImage());
            if (m.matches() && !m.group(1).equals("redis")) {
                found.add(new PacerContainer(workload, pod, c, ServiceConfigKeys.module(m.group(1)), m.group(2), r.environment(c)));
            }
        }));
        assertThat(found).as(r.overlay + ": Pacer containers").hasSizeGreaterThanOrEqualTo(6);
        return found;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void images_areTheOnesTheProjectBuilds(String overlay) {
        Path root = Repo.root();
        String imagesConf = Repo.read(root.resolve("containers/images.conf"));
        for (PacerContainer p : pacerContainers(Rendered.overlay(overlay))) {
            String image = p.container().getImage();
            assertThat(p.tag()).as(p.id() + " " + image + ": the project's version").isEqualTo(Repo.version(root));
            assertThat(imagesConf).as(p.id() + ": containers/images.conf builds " + image)
                    .containsPattern("(?m)^\\S+\\s+" + Pattern.quote(image.replace(p.tag(), "{version}")) + "\\s");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void containerPorts_areThePortsTheServicesListenOn(String overlay) {
        Path root = Repo.root();
        for (PacerContainer p : pacerContainers(Rendered.overlay(overlay))) {
            int port = servicePort(root, p);
            String main = p.module().equals("gateway-service") ? "http" : "https";
            assertThat(port(p.container(), main)).as(p.id() + ": port " + main + " is the service's port").isEqualTo(port);
            String management = p.value("MANAGEMENT_SERVER_PORT");
            Integer managementPort = port(p.container(), "management");
            assertThat(managementPort).as(p.id() + ": port management is MANAGEMENT_SERVER_PORT")
                    .isEqualTo(management == null ? null : Integer.valueOf(management));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probes_areLivezAndReadyzOnThePacerProbesPort(String overlay) {
        for (PacerContainer p : pacerContainers(Rendered.overlay(overlay))) {
            String probes = p.value("PACER_PROBES_PORT");
            assertThat(probes).as(p.id() + ": PACER_PROBES_PORT (the image's default 9000 binds only what it is told)").isNotNull();
            assertThat(port(p.container(), "probes")).as(p.id() + ": port probes").isEqualTo(Integer.valueOf(probes));
            Container c = p.container();
            assertThat(c.getStartupProbe().getHttpGet().getPath()).as(p.id() + " startup").isEqualTo("/livez");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(p.id() + " liveness").isEqualTo("/livez");
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).as(p.id() + " readiness").isEqualTo("/readyz");
            for (var probe : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
                assertThat(portNumber(c, probe.getHttpGet().getPort())).as(p.id() + " probe port").isEqualTo(Integer.valueOf(probes));
                assertThat(probe.getHttpGet().getScheme()).as(p.id() + ": probes are plain HTTP").isIn(null, "HTTP");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void prometheus_scrapesTheActuatorsPort(String overlay) {
        Path root = Repo.root();
        for (PacerContainer p : pacerContainers(Rendered.overlay(overlay))) {
            Map<String, String> a = p.pod().getMetadata().getAnnotations();
            assertThat(a).as(p.id()).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/actuator/prometheus").containsEntry("prometheus.io/scheme", "https");
            String management = p.value("MANAGEMENT_SERVER_PORT");
            int actuator = management != null ? Integer.parseInt(management) : servicePort(root, p);
            assertThat(Integer.valueOf(a.get("prometheus.io/port"))).as(p.id() + ": the actuator's port").isEqualTo(actuator);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariable_isOneTheServiceReads(String overlay) {
        ServiceConfigKeys keys = ServiceConfigKeys.of(Repo.root());
        List<String> unknown = new ArrayList<>();
        for (PacerContainer p : pacerContainers(Rendered.overlay(overlay))) {
            Set<String> referenced = p.container().getEnv().stream().filter(e -> e.getValue() != null)
                    .flatMap(e -> REFERENCE.matcher(e.getValue()).results().map(m -> m.group(1))).collect(Collectors.toSet());
            for (String name : p.env().keySet()) {
                EnvVar e = p.env().get(name);
                boolean plumbing = name.startsWith("K8S_") && e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null;
                if (plumbing) {
                    if (!referenced.contains(name)) {
                        unknown.add(p.id() + ": " + name + " is set from the downward API but no variable uses $(" + name + ")");
                    }
                } else if (!keys.has(p.module(), name)) {
                    unknown.add(p.id() + ": " + ServiceConfigKeys.explain(p.module(), name));
                }
            }
            // $(NAME) expands only variables defined earlier in env
            List<String> defined = new ArrayList<>();
            for (EnvVar e : p.container().getEnv()) {
                if (e.getValue() != null) {
                    REFERENCE.matcher(e.getValue()).results().map(m -> m.group(1)).filter(n -> !defined.contains(n))
                            .forEach(n -> unknown.add(p.id() + ": " + e.getName() + " uses $(" + n + "), not defined before it"));
                }
                defined.add(e.getName());
            }
        }
        assertThat(unknown).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eurekaPeers_areTheDiscoveryStatefulSetsPods(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        StatefulSet discovery = r.find(StatefulSet.class, "discovery").orElseThrow();
        PacerContainer peer = pacerContainers(r).stream().filter(p -> p.workload().equals("StatefulSet/discovery")).findFirst().orElseThrow();
        int port = port(peer.container(), "https");
        Set<String> expected = IntStream.range(0, discovery.getSpec().getReplicas())
                .mapToObj(i -> "https://discovery-" + i + "." + discovery.getSpec().getServiceName() + ":" + port + "/eureka/")
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(peer.value("PACER_HOSTNAME")).as("a peer knows itself in EUREKA_URL by its host name")
                .isEqualTo("$(K8S_POD_NAME)." + discovery.getSpec().getServiceName());
        assertThat(peer.value("EUREKA_PEERS_ENABLED")).isEqualTo("true");
        for (PacerContainer p : pacerContainers(r)) {
            assertThat(new LinkedHashSet<>(Arrays.asList(p.value("EUREKA_URL").split(","))))
                    .as(p.id() + ": EUREKA_URL lists every peer").isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void namesServicesAreCalledBy_areServicesThatServeThatPort(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        for (PacerContainer p : pacerContainers(r)) {
            String hostname = p.value("EUREKA_INSTANCE_HOSTNAME");
            if (hostname == null || hostname.startsWith("$(")) {
                continue; // discovery's peers (above) and agents (the node's address)
            }
            Service s = r.find(Service.class, hostname).orElse(null);
            assertThat(s).as(p.id() + ": registers in Eureka as " + hostname + ", a Service").isNotNull();
            assertThat(r.podsSelectedBy(s.getSpec().getSelector())).as("Service/" + hostname + " selects " + p.id()).contains(p.pod());
            int port = servicePort(Repo.root(), p);
            assertThat(s.getSpec().getPorts()).as("Service/" + hostname + " serves the registered port " + port)
                    .anySatisfy(sp -> assertThat(sp.getPort()).isEqualTo(port));
            assertThat(p.value("EUREKA_INSTANCE_INSTANCE_ID")).as(p.id() + ": one Eureka instance per pod")
                    .startsWith("$(K8S_POD_NAME):");
        }
        for (PacerContainer p : pacerContainers(r)) {
            String url = p.value("PACER_AGENT_SECRETS_URL");
            if (url != null) {
                URI uri = URI.create(url);
                Service s = r.find(Service.class, uri.getHost()).orElse(null);
                assertThat(s).as(p.id() + ": " + url + " names a Service").isNotNull();
                assertThat(s.getSpec().getPorts()).anySatisfy(sp -> assertThat(sp.getPort()).isEqualTo(uri.getPort()));
                assertThat(r.podsSelectedBy(s.getSpec().getSelector())).allSatisfy(pod -> assertThat(pod.getSpec().getContainers())
                        .anySatisfy(c -> assertThat(c.getImage()).startsWith("pacer/secrets:")));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    @SuppressWarnings("unchecked")
    void prometheusJobs_keepEachServicesPods_andCheckTheNameItsCertificateCarries(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        String scrape = r.find(ConfigMap.class, "pacer-prometheus-scrape").orElseThrow()
                .getData().get("pacer-scrape.yml");
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) new Yaml().load(scrape);
        for (PacerContainer p : pacerContainers(r)) {
            String name = p.pod().getMetadata().getLabels().get("app.kubernetes.io/name");
            Map<String, Object> job = jobs.stream().filter(j -> ((List<Map<String, Object>>) j.get("relabel_configs")).stream()
                    .anyMatch(rc -> "keep".equals(rc.get("action")) && (name + ";true").equals(rc.get("regex"))))
                    .findFirst().orElse(null);
            assertThat(job).as(p.id() + ": a scrape job keeps pods named " + name).isNotNull();
            Map<String, Object> sd = ((List<Map<String, Object>>) job.get("kubernetes_sd_configs")).get(0);
            assertThat((List<String>) ((Map<String, Object>) sd.get("namespaces")).get("names")).as(job.get("job_name") + " namespaces")
                    .contains(r.objects.get(0).getMetadata().getNamespace());
            assertThat(job.get("scheme")).isEqualTo("https");
            Object serverName = ((Map<String, Object>) job.get("tls_config")).get("server_name");
            String registered = p.value("EUREKA_INSTANCE_HOSTNAME");
            String expected = p.workload().startsWith("StatefulSet/")
                    ? r.find(StatefulSet.class, p.workload().substring("StatefulSet/".length())).orElseThrow().getSpec().getServiceName()
                    : registered != null && registered.startsWith("$(") ? null : registered;
            assertThat(serverName).as(job.get("job_name") + ": server_name is the name in " + p.id() + "'s certificate").isEqualTo(expected);
        }
    }

    /** The port the service listens on: PORT if the manifest sets it, else the default of application.yml's ${PORT:…}. */
    static int servicePort(Path root, PacerContainer p) {
        String explicit = p.value("PORT");
        if (explicit != null) {
            return Integer.parseInt(explicit);
        }
        String fallback = ConfigFiles.placeholderDefault(root.resolve(p.module()), "PORT");
        assertThat(fallback).as(p.module() + ": application.yml's server.port ${PORT:…}").isNotNull();
        return Integer.parseInt(fallback);
    }

    static Integer port(Container c, String name) {
        return c.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    static Integer portNumber(Container c, IntOrString port) {
        ContainerPort p = ManifestSchemaTest.containerPort(c, port);
        return p == null ? null : p.getContainerPort();
    }
}

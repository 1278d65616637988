package dev.pacer.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** One overlay of k8s/overlays rendered by {@code kubectl kustomize}, each object bound to its API type. */
final class Rendered {

    private static final Map<Path, Rendered> CACHE = new ConcurrentHashMap<>();

    final String overlay;
    final List<Map<String, Object>> documents;
    final List<HasMetadata> objects;

    private Rendered(String overlay, List<Map<String, Object>> documents, List<HasMetadata> objects) {
        this.overlay = overlay;
        this.documents = documents;
        this.objects = objects;
    }

    /** The overlays' names (directories of k8s/overlays with a kustomization.yaml). */
    static Stream<String> overlays() {
        Path dir = Repo.root().resolve("k8s/overlays");
        try (Stream<Path> list = Files.list(dir)) {
            List<String> names = list.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no overlay in " + dir);
            }
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rendered overlay, bound (skipped, or failed under PACER_CI=1, without kubectl). */
    static Rendered overlay(String name) {
        Kubectl.assumeAvailable();
        Path dir = Repo.root().resolve("k8s/overlays").resolve(name);
        return CACHE.computeIfAbsent(dir, d -> {
            List<Map<String, Object>> docs = Manifests.documents(Kubectl.kustomize(d));
            List<HasMetadata> bound = new ArrayList<>();
            for (Map<String, Object> doc : docs) {
                bound.add(Manifests.bind(doc));
            }
            return new Rendered(name, docs, List.copyOf(bound));
        });
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    /** A Deployment, StatefulSet or DaemonSet: "Kind/name", its selector and its pod template. */
    record Workload(String id, LabelSelector selector, PodTemplateSpec pod) {
    }

    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        all(Deployment.class).forEach(d -> workloads.add(new Workload("Deployment/" + name(d), d.getSpec().getSelector(), d.getSpec().getTemplate())));
        all(StatefulSet.class).forEach(s -> workloads.add(new Workload("StatefulSet/" + name(s), s.getSpec().getSelector(), s.getSpec().getTemplate())));
        all(DaemonSet.class).forEach(s -> workloads.add(new Workload("DaemonSet/" + name(s), s.getSpec().getSelector(), s.getSpec().getTemplate())));
        return workloads;
    }

    /** Every workload's pod template, by "Kind/name". */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> pods = new LinkedHashMap<>();
        workloads().forEach(w -> pods.put(w.id(), w.pod()));
        return pods;
    }

    /** The pod templates whose labels a selector (matchLabels) picks. */
    List<PodTemplateSpec> podsSelectedBy(Map<String, String> matchLabels) {
        return podTemplates().values().stream()
                .filter(p -> p.getMetadata().getLabels().entrySet().containsAll(matchLabels.entrySet())).toList();
    }

    /** A container's environment as the process sees it: ConfigMaps of envFrom first, then env (which wins). */
    Map<String, EnvVar> environment(Container c) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        for (var from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                find(ConfigMap.class, from.getConfigMapRef().getName()).ifPresent(cm -> cm.getData()
                        .forEach((k, v) -> env.put(k, new EnvVar(k, v, null))));
            }
        }
        c.getEnv().forEach(e -> env.put(e.getName(), e));
        return env;
    }

    static String name(HasMetadata o) {
        return o.getMetadata().getName();
    }

    @Override
    public String toString() {
        return overlay;
    }
}

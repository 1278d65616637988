package dev.pacer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigKeysTest {

    @Test
    void recordComponents_bindFromTheirEnvironmentNames() {
        assertThat(ServiceConfigKeys.exists("scheduler-service", "PACER_SECRETS_GRANT_KEY")).isTrue();
        assertThat(ServiceConfigKeys.exists("scheduler", "pacer.secrets.grant-key")).isTrue();
        assertThat(ServiceConfigKeys.exists("agent", "PACER_AGENT_ISOLATION_CGROUP_PARENT")).isTrue();
        // Boot accepts both spellings of a dashed name
        assertThat(ServiceConfigKeys.exists("health", "PACER_TLS_PRIVATE_KEY")).isTrue();
        assertThat(ServiceConfigKeys.exists("health", "PACER_TLS_PRIVATEKEY")).isTrue();
    }

    @Test
    void nestedRecordsAndMaps_openNamesBelowThem() {
        assertThat(ServiceConfigKeys.exists("secrets", "PACER_SECRETS_EMBEDDED_KEYS_1")).isTrue();
        assertThat(ServiceConfigKeys.exists("secrets", "PACER_SECRETS_EMBEDDED_ACTIVE_KEY")).isTrue();
        assertThat(ServiceConfigKeys.exists("gateway", "PACER_GATEWAY_SECURITY_ADMIN_PASSWORD")).isTrue();
        assertThat(ServiceConfigKeys.exists("secrets", "PACER_SECRETS_EMBEDDED_KEYZ_1")).isFalse();
    }

    @Test
    void placeholdersOfTheConfigurationFiles_areNames() {
        assertThat(ServiceConfigKeys.exists("discovery", "PACER_HOSTNAME")).isTrue();
        assertThat(ServiceConfigKeys.exists("discovery", "EUREKA_PEERS_ENABLED")).isTrue();
        assertThat(ServiceConfigKeys.exists("agent", "PACER_ZONE")).isTrue();
        assertThat(ServiceConfigKeys.exists("scheduler", "REDIS_URL")).isTrue();
        assertThat(ServiceConfigKeys.exists("scheduler", "PORT")).isTrue();
        // PACER_HOSTNAME is discovery's placeholder, nobody else's
        assertThat(ServiceConfigKeys.exists("scheduler", "PACER_HOSTNAME")).isFalse();
    }

    @Test
    void springsOwnProperties_andTheImagesVariables() {
        assertThat(ServiceConfigKeys.exists("scheduler", "EUREKA_INSTANCE_HOSTNAME")).isTrue();
        assertThat(ServiceConfigKeys.exists("gateway", "MANAGEMENT_SERVER_PORT")).isTrue();
        assertThat(ServiceConfigKeys.exists("gateway", "SPRING_DATA_REDIS_URL")).isTrue();
        assertThat(ServiceConfigKeys.exists("agent", "JAVA_OPTS")).isTrue();
        assertThat(ServiceConfigKeys.exists("agent", "JAVA_TOOL_OPTIONS")).isTrue();
        assertThat(ServiceConfigKeys.exists("gateway", "EUREKA_INSTANCE_HOSTNAMES")).isFalse();
    }

    @Test
    void aPropertyOfAnotherService_isNotThisServicesProperty() {
        assertThat(ServiceConfigKeys.exists("agent", "PACER_AGENT_ID")).isTrue();
        assertThat(ServiceConfigKeys.exists("gateway", "PACER_AGENT_ID")).isFalse();
        assertThat(ServiceConfigKeys.explain("gateway", "PACER_AGENT_ID")).contains("reads no configuration");
        assertThat(ServiceConfigKeys.explain("agent", "PACER_AGENT_WORK_DIR")).contains("pacer.agent.work-dir");
    }

    @Test
    void aRenamedComponent_isNoLongerFound(@TempDir Path repo) throws IOException {
        Path java = Files.createDirectories(repo.resolve("demo-service/src/main/java/demo"));
        Files.createDirectories(repo.resolve("service-autoconfigure/src/main"));
        String source = """
                package demo;
                // a comment with "quotes" and http://example
                @ConfigurationProperties(DemoProperties.PREFIX)
                public record DemoProperties(@DefaultValue("http://x/y") String url, java.util.Map<String, String> labels,
                        @DefaultValue Inner inner, Duration workDir) {
                    public static final String PREFIX = "pacer.demo";
                    public record Inner(int size) {
                    }
                }
                """;
        Files.writeString(java.resolve("DemoProperties.java"), source);
        ServiceConfigKeys before = ServiceConfigKeys.of(repo);
        assertThat(before.has("demo", "PACER_DEMO_WORK_DIR")).isTrue();
        assertThat(before.has("demo", "PACER_DEMO_URL")).isTrue();
        assertThat(before.has("demo", "PACER_DEMO_LABELS_TEAM")).isTrue();
        assertThat(before.has("demo", "PACER_DEMO_INNER_SIZE")).isTrue();
        assertThat(before.has("demo", "PACER_DEMO_INNER_COLOUR")).isFalse();

        Files.writeString(java.resolve("DemoProperties.java"), source.replace("workDir", "workDirectory"));
        ServiceConfigKeys after = ServiceConfigKeys.of(Files.createSymbolicLink(repo.resolveSibling(repo.getFileName() + "-renamed"), repo));
        assertThat(after.has("demo", "PACER_DEMO_WORK_DIR")).isFalse();
        assertThat(after.has("demo", "PACER_DEMO_WORK_DIRECTORY")).isTrue();
        Files.delete(repo.resolveSibling(repo.getFileName() + "-renamed"));
    }
}

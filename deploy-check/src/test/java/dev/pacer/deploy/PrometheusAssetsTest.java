package dev.pacer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.testsupport.observability.ObservabilityQueries;
import dev.pacer.testsupport.observability.ObservabilityQueries.Query;
import dev.pacer.testsupport.observability.PrometheusTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code observability/} checked by Prometheus's own tool: the configuration ({@code promtool check config}), the
 * alert rules ({@code check rules}) and their unit tests ({@code test rules}, one test file per rule file), and every
 * dashboard query parsed as PromQL (each one as a recording rule of a temporary file given to {@code check rules}).
 * Whether the queries return series on a running stack is {@code local-stack}'s {@code PrometheusStackIT}.
 */
class PrometheusAssetsTest {

    private static final Path OBSERVABILITY = Repo.root().resolve("observability");

    @TempDir
    Path work;

    @Test
    void configuration_isValidForPrometheus() throws IOException {
        PrometheusTools.assumeAvailable(PrometheusTools.promtool());
        PrometheusTools.copyTree(OBSERVABILITY.resolve("prometheus"), work);
        // promtool checks that the certificate files exist (paths are relative to the configuration file)
        Files.createDirectories(work.resolve("tls"));
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            Files.writeString(work.resolve("tls").resolve(file), "");
        }

        assertThat(PrometheusTools.promtool(work, "check", "config", "prometheus.yml")).contains("SUCCESS");
    }

    @Test
    void alertRules_areValid_andEachRuleFileHasItsPassingUnitTests() {
        PrometheusTools.assumeAvailable(PrometheusTools.promtool());
        Path prometheus = OBSERVABILITY.resolve("prometheus");
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        List<String> tests = new ArrayList<>(List.of("test", "rules"));
        for (Path rules : ObservabilityQueries.ruleFiles(OBSERVABILITY)) {
            args.add("rules/" + rules.getFileName());
            String test = rules.getFileName().toString().replace(".yml", ".test.yml");
            assertThat(prometheus.resolve("tests").resolve(test)).as("unit tests of " + rules.getFileName()).exists();
            assertThat(Repo.read(prometheus.resolve("tests").resolve(test))).contains("../rules/" + rules.getFileName());
            tests.add("tests/" + test);
        }
        assertThat(args).hasSizeGreaterThanOrEqualTo(2 + 5);

        PrometheusTools.promtool(prometheus, args.toArray(String[]::new));
        String out = PrometheusTools.promtool(prometheus, tests.toArray(String[]::new));
        assertThat(out).doesNotContain("FAILED");
    }

    @Test
    void everyAlertOfTheIssue_isThere() {
        assertThat(ObservabilityQueries.rules(OBSERVABILITY)).extracting(q -> q.source().replaceAll(".*: ", ""))
                .contains("PacerSchedulerShardWithoutOwner", "PacerTasksFailingRepeatedly", "PacerDeploymentStuck",
                        "PacerHealthBrakeEngaged", "PacerRedisUnreachable", "PacerGateway5xxRatio", "PacerAgentLost");
    }

    @Test
    void everyDashboardQuery_parsesAsPromQl() throws IOException {
        PrometheusTools.assumeAvailable(PrometheusTools.promtool());
        List<Query> panels = ObservabilityQueries.panels(OBSERVABILITY, "5m");
        assertThat(panels).hasSizeGreaterThan(40);
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        for (int i = 0; i < panels.size(); i++) {
            rules.append("      - record: dashboard_query_").append(i).append("\n")
                    .append("        expr: '").append(panels.get(i).expr().replace("'", "''")).append("'\n");
        }
        Files.writeString(work.resolve("dashboards.yml"), rules);

        PrometheusTools.Result result = PrometheusTools.run(List.of(PrometheusTools.promtool(), "check", "rules", "dashboards.yml"), work);

        assertThat(result.exit()).as(() -> "queries that are not PromQL:\n" + result.out() + "\n" + numbered(panels)).isZero();
    }

    @Test
    void dashboards_areTheFiveOfTheIssue_withUniqueUids_andTheReadmeListsEveryPanel() {
        List<Path> dashboards = ObservabilityQueries.dashboards(OBSERVABILITY);
        assertThat(dashboards).extracting(p -> p.getFileName().toString())
                .containsExactly("agents.json", "gateway.json", "health.json", "overview.json", "scheduler.json");
        String readme = Repo.read(OBSERVABILITY.resolve("README.md"));
        for (Query panel : ObservabilityQueries.panels(OBSERVABILITY, "$__rate_interval")) {
            String title = panel.source().replaceAll("^[^:]+: ", "").replaceAll(" \\[[A-Z]]$", "");
            assertThat(readme).as("observability/README.md lists " + panel.source()).contains(title);
            assertThat(readme).as("observability/README.md shows the query of " + panel.source())
                    .contains(panel.expr().replace("|", "\\|"));
        }
    }

    private static String numbered(List<Query> queries) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < queries.size(); i++) {
            out.append("dashboard_query_").append(i).append(" = ").append(queries.get(i).source()).append('\n');
        }
        return out.toString();
    }
}

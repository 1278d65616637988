package dev.pacer.scheduler.placement;

import static dev.pacer.scheduler.placement.Agents.idle;
import static dev.pacer.scheduler.placement.Agents.info;
import static dev.pacer.scheduler.placement.Agents.using;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.AgentState;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.placement.PlacementResult.Declined;
import dev.pacer.scheduler.placement.PlacementResult.Placed;
import dev.pacer.scheduler.placement.constraint.Constraint;
import dev.pacer.scheduler.placement.constraint.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlacerTest {

    private static final Resources SMALL = new Resources(0.5, 256, 0);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final Placer placer = Placer.standard(metrics);

    private static PlacementRequest request(Resources perTask, int ports, int instances, List<Constraint> constraints,
                                            String... taskAgents) {
        return new PlacementRequest(AppId.parse("/web"), perTask, ports, constraints,
                Arrays.stream(taskAgents).map(AgentId::parse).toList(), instances, List.of());
    }

    private static PlacementRequest request(Constraint... constraints) {
        return request(SMALL, 0, 1, List.of(constraints));
    }

    private static AgentId id(String value) {
        return AgentId.parse(value);
    }

    @Test
    void aSingleIdleAgent_getsTheTask() {
        assertThat(placer.place(request(), List.of(idle("a1", "a")))).isEqualTo(new Placed(id("a1")));
        assertThat(metrics.placed).isEqualTo(1);
    }

    @Test
    void aDockerApp_goesOnlyToAnAgentWithDocker_andTheQueueSaysWhoLackedIt() {
        PlacementRequest docker = new PlacementRequest(AppId.parse("/web"), SMALL, 0, List.of(), List.of(), 1, List.of(), true);
        List<AgentView> agents = List.of(idle("a1", "a"), idle("a2", "b", "docker", "20.10.24"), idle("a3", "a"));

        assertThat(placer.place(docker, agents)).isEqualTo(new Placed(id("a2")));
        Declined declined = (Declined) placer.place(docker, List.of(idle("a1", "a"), idle("a3", "a")));
        assertThat(declined.reasonCounts()).isEqualTo(Map.of("insufficient_docker", 2));
        assertThat(DeclineReasons.summary(declined.reasonCounts())).isEqualTo("2 agents lacked docker");
        assertThat(placer.place(request(), List.of(idle("a1", "a")))).as("a process app needs no docker")
                .isEqualTo(new Placed(id("a1")));
    }

    @Test
    void drainingLostAndSilentAgents_getNothing() {
        List<AgentView> agents = List.of(
                new AgentView(info("a1", "a"), AgentState.DRAINING, Resources.NONE, Set.of(), true),
                new AgentView(info("a2", "a"), AgentState.LOST, Resources.NONE, Set.of(), true),
                new AgentView(info("a3", "a"), AgentState.ACTIVE, Resources.NONE, Set.of(), false));

        assertThat(placer.place(request(), agents)).isEqualTo(new Declined(Map.of("agent_not_active", 3)));
    }

    @Test
    void eachResource_mustFitWhatIsLeft() {
        List<AgentView> agents = List.of(
                using("cpu-full", new Resources(3.6, 0, 0)),
                using("mem-full", new Resources(0, 4000, 0)),
                using("disk-full", new Resources(0, 0, 9990)),
                using("fits", new Resources(3.5, 3840, 9980)));

        assertThat(placer.place(request(new Resources(0.5, 256, 20), 0, 1, List.of()), agents))
                .isEqualTo(new Placed(id("fits")));
        assertThat(placer.place(request(new Resources(0.5, 256, 21), 0, 1, List.of()), agents))
                .isEqualTo(new Declined(Map.of("insufficient_cpus", 1, "insufficient_mem", 1, "insufficient_disk", 2)));
    }

    @Test
    void resourcesThatAddUpExactly_fitDespiteFloatingPoint() {
        // 0.1 + 0.2 > 0.3 in doubles; rounded to 3 decimals it fits exactly
        AgentView agent = new AgentView(new AgentInfo("a1", "h", 1, "a", "eu", Map.of(),
                new Resources(0.3, 1, 0), new PortRange(1, 1)),
                AgentState.ACTIVE, new Resources(0.1, 0, 0), Set.of(), true);

        assertThat(placer.place(request(new Resources(0.2, 1, 0), 0, 1, List.of()), List.of(agent)))
                .isEqualTo(new Placed(id("a1")));
    }

    @Test
    void ports_mustBeFreeInTheAgentsRange() {
        Set<Integer> eightUsed = Set.of(10000, 10001, 10002, 10003, 10004, 10005, 10006, 10007);
        AgentView twoLeft = new AgentView(info("a1", "a"), AgentState.ACTIVE, Resources.NONE, eightUsed, true);

        assertThat(placer.place(request(SMALL, 2, 1, List.of()), List.of(twoLeft))).isEqualTo(new Placed(id("a1")));
        assertThat(placer.place(request(SMALL, 3, 1, List.of()), List.of(twoLeft)))
                .isEqualTo(new Declined(Map.of("insufficient_ports", 1)));
    }

    /** requirePorts: the task needs exactly its ports, free and in the agent's range; a second task cannot share them. */
    @Test
    void requiredPorts_mustBeFreeAndInRange_andOneTaskPerAgentHoldsThem() {
        AgentView holds10003 = new AgentView(info("a1", "a"), AgentState.ACTIVE, Resources.NONE, Set.of(10003), true);
        AgentView idle = idle("a2", "a");
        PlacementRequest wants10003 = new PlacementRequest(AppId.parse("/web"), SMALL, 2, List.of(), List.of(), 2,
                List.of(10003, 10005));

        assertThat(placer.place(wants10003, List.of(holds10003))).isEqualTo(new Declined(Map.of("insufficient_ports", 1)));
        assertThat(placer.place(wants10003, List.of(holds10003, idle))).isEqualTo(new Placed(id("a2")));
        PlacementRequest outOfRange = new PlacementRequest(AppId.parse("/web"), SMALL, 1, List.of(), List.of(), 1, List.of(10010));
        assertThat(placer.place(outOfRange, List.of(idle))).isEqualTo(new Declined(Map.of("insufficient_ports", 1)));

        BatchPlacement batch = placer.placeAll(wants10003, 3, List.of(idle("a3", "a"), idle("a4", "a")));
        assertThat(batch.placed()).extracting(AgentId::value).containsExactlyInAnyOrder("a3", "a4");
        assertThat(batch.declined().reasonCounts()).isEqualTo(Map.of("insufficient_ports", 2));
    }

    @Test
    void leastLoadedAgent_isChosen_byTheLargerOfCpuAndMemShare() {
        List<AgentView> agents = List.of(
                using("a1", new Resources(2, 0, 0)),      // 0.625 cpu share after placing
                using("a2", new Resources(0, 2048, 0)),   // 0.5625 mem share after placing
                using("a3", new Resources(1, 1024, 0)));  // 0.375 / 0.3125

        assertThat(placer.place(request(), agents)).isEqualTo(new Placed(id("a3")));
    }

    @Test
    void equallyGoodAgents_areBrokenByAgentId() {
        assertThat(placer.place(request(), List.of(idle("b", "a"), idle("c", "a"), idle("a", "a"))))
                .isEqualTo(new Placed(id("a")));
    }

    @Test
    void zoneSpread_preferTheZoneWithFewestTasksOfTheApp_overALessLoadedAgent() {
        List<AgentView> agents = List.of(
                new AgentView(info("a1", "a"), AgentState.ACTIVE, Resources.NONE, Set.of(), true),
                new AgentView(info("b1", "b"), AgentState.ACTIVE, new Resources(3, 3000, 0), Set.of(), true));

        assertThat(placer.place(request(SMALL, 0, 3, List.of(), "a1"), agents)).isEqualTo(new Placed(id("b1")));
        // a single-instance app only looks at load
        assertThat(placer.place(request(SMALL, 0, 1, List.of(), "a1"), agents)).isEqualTo(new Placed(id("a1")));
    }

    @Test
    void fourTasks_overZonesAAndB_land2And2() {
        List<AgentView> agents = List.of(idle("a1", "a"), idle("a2", "a"), idle("a3", "a"), idle("b1", "b"));

        BatchPlacement batch = placer.placeAll(request(SMALL, 0, 4, List.of()), 4, agents);

        assertThat(batch.complete()).isTrue();
        assertThat(zoneCounts(batch.placed())).isEqualTo(Map.of("a", 2, "b", 2));
    }

    @Test
    void uniqueHostname_skipsHostsThatRunTheApp_andDeclinesWhenNoneIsLeft() {
        List<AgentView> agents = List.of(idle("a1", "a"), idle("a2", "a"));
        Constraint unique = Constraint.of("hostname", Operator.UNIQUE);

        assertThat(placer.place(request(SMALL, 0, 2, List.of(unique), "a1"), agents)).isEqualTo(new Placed(id("a2")));
        PlacementResult result = placer.place(request(SMALL, 0, 3, List.of(unique), "a1", "a2"), agents);
        assertThat(result).isEqualTo(new Declined(Map.of("constraint_UNIQUE_hostname", 2)));
        assertThat(((Declined) result).summary()).isEqualTo("2 agents failed UNIQUE hostname");
    }

    @Test
    void declines_countEachAgentOnce_atTheFirstFilterThatRejectsIt() {
        List<AgentView> agents = new ArrayList<>();
        agents.add(new AgentView(info("d1", "a"), AgentState.DRAINING, new Resources(4, 4096, 0), Set.of(), true));
        IntStream.range(0, 3).forEach(i -> agents.add(using("full" + i, new Resources(0, 4000, 0))));
        agents.add(idle("h1", "a"));
        agents.add(idle("h2", "a"));

        PlacementResult result = placer.place(
                request(SMALL, 0, 3, List.of(Constraint.of("hostname", Operator.UNIQUE)), "h1", "h2"), agents);

        assertThat(result).isEqualTo(new Declined(Map.of("agent_not_active", 1, "insufficient_mem", 3,
                "constraint_UNIQUE_hostname", 2)));
        assertThat(((Declined) result).summary())
                .isEqualTo("3 agents lacked mem, 2 agents failed UNIQUE hostname, 1 agent was not active");
        assertThat(metrics.declines).isEqualTo(List.of(((Declined) result).reasonCounts()));
    }

    @Test
    void noAgents_declinesWithNoReasons() {
        PlacementResult result = placer.place(request(), List.of());
        assertThat(result).isEqualTo(new Declined(Map.of()));
        assertThat(((Declined) result).summary()).isEqualTo("no agents");
    }

    @Test
    void clusterWithoutValue_pinsTheAppToTheRackOfItsFirstTask() {
        List<AgentView> agents = List.of(idle("a1", "a", "rack", "r1"), idle("a2", "a", "rack", "r2"),
                idle("a3", "a", "rack", "r2"));
        Constraint cluster = Constraint.of("rack", Operator.CLUSTER);

        BatchPlacement batch = placer.placeAll(request(SMALL, 0, 1, List.of(cluster), "a2"), 3, agents);

        assertThat(batch.placed()).extracting(AgentId::value).allMatch(a -> a.equals("a2") || a.equals("a3"));
    }

    @Test
    void groupByRack_spreadsEvenly_evenWhenOneRackHasMoreAgents() {
        List<AgentView> agents = List.of(idle("x1", "a", "rack", "r1"), idle("x2", "a", "rack", "r1"),
                idle("x3", "a", "rack", "r1"), idle("y1", "a", "rack", "r2"), idle("z1", "a", "rack", "r3"));
        Constraint groupBy = Constraint.of("rack", Operator.GROUP_BY);

        BatchPlacement batch = placer.placeAll(request(SMALL, 0, 1, List.of(groupBy)), 6, agents);

        Map<String, Integer> perRack = new HashMap<>();
        batch.placed().forEach(a -> perRack.merge(a.value().substring(0, 1), 1, Integer::sum));
        assertThat(perRack).isEqualTo(Map.of("x", 2, "y", 2, "z", 2));
    }

    @Test
    void groupBy_doesNotWaitForARackWhoseAgentsAreFull() {
        List<AgentView> agents = List.of(idle("x1", "a", "rack", "r1"),
                new AgentView(info("y1", "a", "rack", "r2"), AgentState.ACTIVE, Agents.CAPACITY, Set.of(), true));

        assertThat(placer.place(request(SMALL, 0, 2, List.of(Constraint.of("rack", Operator.GROUP_BY)), "x1"), agents))
                .isEqualTo(new Placed(id("x1")));
    }

    @Test
    void maxPer_capsTasksPerRack_acrossABatch() {
        List<AgentView> agents = List.of(idle("x1", "a", "rack", "r1"), idle("x2", "a", "rack", "r1"),
                idle("y1", "a", "rack", "r2"));

        BatchPlacement batch = placer.placeAll(
                request(SMALL, 0, 1, List.of(new Constraint("rack", Operator.MAX_PER, "1"))), 3, agents);

        assertThat(batch.placed()).extracting(AgentId::value).containsExactlyInAnyOrder("x1", "y1");
        assertThat(batch.declined()).isEqualTo(new Declined(Map.of("constraint_MAX_PER_rack", 3)));
    }

    @Test
    void batch_countsItsOwnResourcesAndPorts_betweenPicks() {
        List<AgentView> agents = List.of(idle("a1", "a"), idle("a2", "a"));

        BatchPlacement batch = placer.placeAll(request(new Resources(2, 1024, 0), 4, 1, List.of()), 5, agents);

        assertThat(batch.placed()).extracting(AgentId::value).containsExactly("a1", "a2", "a1", "a2");
        assertThat(batch.declined()).isEqualTo(new Declined(Map.of("insufficient_cpus", 2)));
        assertThat(metrics.placed).isEqualTo(4);
    }

    @Test
    void batch_runsOutOfPortsBeforeCpus() {
        BatchPlacement batch = placer.placeAll(request(new Resources(0.1, 1, 0), 4, 1, List.of()), 3,
                List.of(idle("a1", "a")));

        assertThat(batch.placed()).hasSize(2);
        assertThat(batch.declined().reasonCounts()).isEqualTo(Map.of("insufficient_ports", 1));
    }

    private static Map<String, Integer> zoneCounts(List<AgentId> placed) {
        Map<String, Integer> counts = new HashMap<>();
        placed.forEach(agent -> counts.merge(agent.value().substring(0, 1), 1, Integer::sum));
        return counts;
    }

    private static final class RecordingMetrics implements PlacementMetrics {
        int placed;
        final List<Map<String, Integer>> declines = new ArrayList<>();

        @Override
        public void placed() {
            placed++;
        }

        @Override
        public void declined(Map<String, Integer> reasonCounts) {
            declines.add(reasonCounts);
        }
    }
}

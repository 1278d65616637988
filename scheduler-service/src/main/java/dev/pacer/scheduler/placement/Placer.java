package dev.pacer.scheduler.placement;

import dev.pacer.contract.ids.AgentId;
import dev.pacer.scheduler.placement.PlacementResult.Declined;
import dev.pacer.scheduler.placement.PlacementResult.Placed;
import dev.pacer.scheduler.placement.feasible.AgentFilter;
import dev.pacer.scheduler.placement.feasible.AgentReadyFilter;
import dev.pacer.scheduler.placement.feasible.ConstraintFilter;
import dev.pacer.scheduler.placement.feasible.DockerFilter;
import dev.pacer.scheduler.placement.feasible.PortsFilter;
import dev.pacer.scheduler.placement.feasible.ResourceFitFilter;
import dev.pacer.scheduler.placement.rank.AgentScorer;
import dev.pacer.scheduler.placement.rank.LeastLoadedScorer;
import dev.pacer.scheduler.placement.rank.ZoneSpreadScorer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Chooses the agent for a new task of an app, as a pipeline (Nomad's feasible -> rank -> select):
 * the agent filters, then one filter per constraint of the app (GROUP_BY last), then the scorers in
 * order, ties broken by agent id. Pure: it reads views and writes nothing; the caller claims the
 * chosen agent's resources with {@code AgentClaims.claim}, which re-checks them atomically.
 */
public final class Placer {

    private final List<AgentFilter> agentFilters;
    private final List<AgentScorer> scorers;
    private final PlacementMetrics metrics;

    /**
     * @param agentFilters filters that hold for every app, cheap first
     * @param scorers      ranking criteria, most important first
     */
    public Placer(List<AgentFilter> agentFilters, List<AgentScorer> scorers, PlacementMetrics metrics) {
        this.agentFilters = List.copyOf(agentFilters);
        this.scorers = List.copyOf(scorers);
        this.metrics = metrics;
    }

    /** Ready and fresh, docker (for Docker apps), cpus, mem, disk, ports; spread over zones, then least loaded. */
    public static Placer standard(PlacementMetrics metrics) {
        return new Placer(
                List.of(new AgentReadyFilter(), new DockerFilter(), ResourceFitFilter.cpus(), ResourceFitFilter.mem(),
                        ResourceFitFilter.disk(), new PortsFilter()),
                List.of(new ZoneSpreadScorer(), new LeastLoadedScorer()),
                metrics);
    }

    /** Where one more task of the app should run, among {@code agents}. */
    public PlacementResult place(PlacementRequest request, Collection<AgentView> agents) {
        PlacementResult result = pick(request, agents);
        if (result instanceof Declined declined) {
            metrics.declined(declined.reasonCounts());
        } else {
            metrics.placed();
        }
        return result;
    }

    /**
     * Places {@code count} tasks of one app, counting each pick's task and resources into its own
     * copy of the views before the next pick, so that spreading and capacity hold within the batch.
     * Stops at the first task that cannot be placed.
     */
    public BatchPlacement placeAll(PlacementRequest request, int count, Collection<AgentView> agents) {
        Map<String, AgentView> views = new LinkedHashMap<>();
        agents.forEach(agent -> views.put(agent.info().id(), agent));
        List<AgentId> placed = new ArrayList<>();
        PlacementRequest current = request;
        for (int i = 0; i < count; i++) {
            PlacementResult result = place(current, views.values());
            if (result instanceof Declined declined) {
                return new BatchPlacement(placed, declined);
            }
            AgentId agent = ((Placed) result).agentId();
            views.computeIfPresent(agent.value(), (id, view) -> view.withTask(request.perTask(), request.portCount(), request.requiredPorts()));
            current = current.withTaskOn(agent);
            placed.add(agent);
        }
        return new BatchPlacement(placed, null);
    }

    private PlacementResult pick(PlacementRequest request, Collection<AgentView> agents) {
        PlacementContext context = new PlacementContext(request, agents);
        List<AgentView> remaining = List.copyOf(agents);
        Map<String, Integer> declines = new LinkedHashMap<>();
        for (AgentFilter filter : filtersFor(request)) {
            if (remaining.isEmpty()) {
                break;
            }
            Predicate<AgentView> test = filter.prepare(context, remaining);
            List<AgentView> passed = new ArrayList<>(remaining.size());
            for (AgentView agent : remaining) {
                if (test.test(agent)) {
                    passed.add(agent);
                }
            }
            if (passed.size() < remaining.size()) {
                declines.merge(filter.reason(), remaining.size() - passed.size(), Integer::sum);
            }
            remaining = passed;
        }
        if (remaining.isEmpty()) {
            return new Declined(declines);
        }
        return new Placed(select(remaining, context).id());
    }

    private List<AgentFilter> filtersFor(PlacementRequest request) {
        List<AgentFilter> filters = new ArrayList<>(agentFilters);
        request.constraints().stream()
                .map(ConstraintFilter::new)
                .sorted(Comparator.comparing(ConstraintFilter::spreads))
                .forEach(filters::add);
        return filters;
    }

    /** The best by the scorers in order, then the lowest agent id. */
    private AgentView select(List<AgentView> feasible, PlacementContext context) {
        AgentView best = null;
        double[] bestScores = null;
        for (AgentView agent : feasible) {
            double[] scores = new double[scorers.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = ResourceMath.round6(scorers.get(i).score(agent, context));
            }
            if (best == null || better(scores, agent, bestScores, best)) {
                best = agent;
                bestScores = scores;
            }
        }
        return best;
    }

    private static boolean better(double[] scores, AgentView agent, double[] bestScores, AgentView best) {
        for (int i = 0; i < scores.length; i++) {
            int c = Double.compare(scores[i], bestScores[i]);
            if (c != 0) {
                return c > 0;
            }
        }
        return agent.info().id().compareTo(best.info().id()) < 0;
    }
}

package dev.pacer.scheduler.placement.feasible;

import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.PlacementContext;
import dev.pacer.scheduler.placement.constraint.Constraint;
import dev.pacer.scheduler.placement.constraint.ConstraintMatcher;
import dev.pacer.scheduler.placement.constraint.Operator;
import dev.pacer.scheduler.placement.constraint.ValueCounts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One of the app's constraints. GROUP_BY spreads over the values of the agents still in the running,
 * so that a value whose agents are all full or draining does not block the app: run GROUP_BY filters
 * after the others ({@link #spreads()}).
 */
public final class ConstraintFilter implements AgentFilter {

    private final ConstraintMatcher matcher;

    public ConstraintFilter(Constraint constraint) {
        this.matcher = new ConstraintMatcher(constraint);
    }

    /** Whether this filter depends on the agents left by the filters before it. */
    public boolean spreads() {
        return matcher.constraint().operator() == Operator.GROUP_BY;
    }

    @Override
    public String reason() {
        return matcher.constraint().reason();
    }

    @Override
    public Predicate<AgentView> prepare(PlacementContext context, List<AgentView> remaining) {
        String field = matcher.constraint().field();
        ValueCounts placed = context.tasksBy(field);
        Set<String> offered = spreads() ? offered(remaining, field) : Set.of();
        Predicate<String> accepts = matcher.prepare(placed, offered);
        return agent -> accepts.test(agent.field(field));
    }

    private static Set<String> offered(List<AgentView> agents, String field) {
        Set<String> values = new HashSet<>();
        for (AgentView agent : agents) {
            String value = agent.field(field);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}

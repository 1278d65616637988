package dev.pacer.scheduler.deploy;

import dev.pacer.contract.ids.AppId;
import java.util.Collection;
import java.util.Set;

/**
 * Which app versions get no traffic: agents register the tasks of a denied version OUT_OF_SERVICE in
 * discovery, so the gateway stops routing to them. A blue-green deployment denies its new version until
 * every new task is healthy, then the old versions at once. {@link RedisTrafficGate} is the production
 * adapter; {@code TrafficGateContract} states the behaviour.
 */
public interface TrafficGate {

    /** Replaces the denied versions of the app (an empty collection denies none). */
    void deny(AppId app, Collection<String> versions);

    /** Every version gets traffic again (healthy tasks are UP). */
    void allowAll(AppId app);

    /** The app's denied versions; empty when none. */
    Set<String> denied(AppId app);
}

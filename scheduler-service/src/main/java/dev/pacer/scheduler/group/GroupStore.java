package dev.pacer.scheduler.group;

import dev.pacer.contract.ids.AppId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explicit groups and group versions. A group exists when an app lives under it or when it was created
 * explicitly (then it has a record with its dependencies). Versions of a group are {@link GroupSnapshot}s,
 * a bounded number per group (oldest dropped first). {@link RedisGroupStore} is the production adapter;
 * {@code GroupStoreContract} states the behaviour.
 */
interface GroupStore {

    /** Explicit groups at or below {@code group} (the root excluded), in id order, with their dependencies. */
    Map<AppId, List<String>> explicit(AppId group);

    /** Creates or updates an explicit group: its dependencies. */
    void save(AppId group, List<String> dependencies);

    /** Removes the explicit groups at or below {@code group} and their versions. */
    void deleteUnder(AppId group);

    void saveVersion(GroupSnapshot snapshot);

    /** Stored versions, newest first. */
    List<String> versions(AppId group);

    Optional<GroupSnapshot> version(AppId group, String version);
}

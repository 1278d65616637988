package dev.pacer.scheduler.group;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.app.service.AppEdit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one group change does, worked out before anything is written: the edit of every app it touches,
 * the dependencies of every explicit group after it, and the groups it removes. Maps keep the order the
 * change was read in (deployment steps and snapshots follow it).
 *
 * @param edits         app id → its edit (no-op edits included: the snapshot still names the app)
 * @param dependencies  explicit group id → the ids it depends on, for every group, not only the changed ones
 * @param removedGroups groups the change leaves out, deleted with everything below them
 */
record GroupChange(Map<AppId, AppEdit> edits, Map<AppId, List<String>> dependencies, Set<AppId> removedGroups) {

    /** The edits that change something, in order. */
    List<AppEdit> changes() {
        return edits.values().stream().filter(e -> !e.isNoop()).toList();
    }
}

package dev.pacer.scheduler.group.web;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.scheduler.app.service.AppInfoWriter;
import dev.pacer.scheduler.app.service.AppTaskService;
import dev.pacer.scheduler.deploy.DeploymentService;
import dev.pacer.scheduler.group.GroupTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** The AppInfo of every app of a group tree ({@code embed=group.apps.counts|tasks|…}): tasks, health and locks read in one pass. */
@Component
class GroupAppInfos {

    private final AppInfoWriter writer;
    private final AppTaskService tasks;
    private final DeploymentService deployments;

    GroupAppInfos(AppInfoWriter writer, AppTaskService tasks, DeploymentService deployments) {
        this.writer = writer;
        this.tasks = tasks;
        this.deployments = deployments;
    }

    /** App id → its AppInfo (counts, deployments; tasks when {@code embedTasks}). */
    Map<String, ObjectNode> of(GroupTree tree, boolean embedTasks) {
        List<AppDefinition> apps = new ArrayList<>();
        collect(tree, apps);
        List<ObjectNode> infos = writer.appInfos(apps, tasks.activeTasks(apps.stream().map(AppDefinition::appId).toList()),
                embedTasks, deployments.locksOf(apps.stream().map(AppDefinition::id).toList()));
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (int i = 0; i < apps.size(); i++) {
            byId.put(apps.get(i).id(), infos.get(i));
        }
        return byId;
    }

    private static void collect(GroupTree tree, List<AppDefinition> into) {
        into.addAll(tree.apps());
        tree.groups().forEach(g -> collect(g, into));
    }
}

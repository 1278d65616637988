package dev.pacer.scheduler.app.service;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.marathon.app.VersionInfo;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.definition.AppValidator;
import dev.pacer.scheduler.definition.BodyRules;
import dev.pacer.scheduler.definition.UpdateMode;
import dev.pacer.scheduler.definition.store.AppRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Changes to app definitions: create, update (partial or full, or a rollback to a stored version),
 * scale, restart, delete. Every request is validated completely here; {@link AppDeployments} then starts
 * its deployment (its apps locked: 409 while another deployment holds one, unless {@code force}) before
 * anything is written, so a rejected request changes nothing; every accepted change stores a new version
 * and wakes the app's reconciler, which converges the tasks while the deployment tracks it.
 */
public class AppService {

    /** The outcome of a PUT: whether it created the app, and the change. */
    public record Change(boolean created, DeploymentResult result, AppDefinition app) {
    }

    private final AppRepository apps;
    private final AppDefinitions definitions;
    private final AppValidator validator;
    private final AppEdits edits;
    private final AppDeployments deployments;
    private final Clock clock;

    public AppService(AppRepository apps, AppDefinitions definitions, AppValidator validator, AppEdits edits,
                      AppDeployments deployments, Clock clock) {
        this.apps = apps;
        this.definitions = definitions;
        this.validator = validator;
        this.edits = edits;
        this.deployments = deployments;
        this.clock = clock;
    }

    public Change create(JsonNode body, boolean force) {
        AppDefinition valid = edits.stamp(definitions.readNew(body), null);
        validator.check(valid);
        ApiException.checkConflict(apps.find(valid.appId()).isEmpty(), "An app with id [%s] already exists.", valid.appId());
        return deployments.create(valid, force);
    }

    /** {@code PUT /v2/apps/{id}}: updates the app, rolls it back, or creates it. */
    public Change put(AppId id, JsonNode body, UpdateMode mode, boolean force) {
        Optional<AppDefinition> stored = apps.find(id);
        Optional<Timestamp> rollback = definitions.rollbackVersion(body);
        if (rollback.isPresent()) {
            AppDefinition current = stored.orElseThrow(() -> ApiException.notFound("App '%s' does not exist", id));
            AppDefinition old = apps.version(id, rollback.get()).orElseThrow(() ->
                    ApiException.notFound("App '%s' does not exist in version %s", id, rollback.get()));
            AppEdit edit = edits.restored(current, old, Timestamp.now(clock));
            validator.check(edit.after());
            return new Change(false, deployments.commit(List.of(edit), edit.after().version(), force, null), edit.after());
        }
        if (stored.isEmpty()) {
            AppDefinition app = edits.stamp(definitions.readNew(body, id), null);
            validator.check(app);
            DeploymentResult result = deployments.commit(List.of(new AppEdit(null, app)), app.version(), force, null);
            return new Change(true, result, app);
        }
        AppDefinition updated = definitions.readUpdate(body, stored.get(), mode);
        return new Change(false, save(stored.get(), updated, force), updated);
    }

    /** {@code PATCH /v2/apps/{id}}: a partial update of an existing app. */
    public DeploymentResult patch(AppId id, JsonNode body, boolean force) {
        AppDefinition stored = apps.require(id);
        return save(stored, definitions.readUpdate(body, stored, UpdateMode.PARTIAL), force);
    }

    /** Bulk {@code PUT}/{@code PATCH /v2/apps}: every app validated first, then all written in one deployment. */
    public DeploymentResult putAll(JsonNode body, UpdateMode mode, boolean mustExist, boolean force) {
        BodyRules.checkBulk(body, validator.limits());
        List<AppEdit> changes = new ArrayList<>();
        List<ErrorDetail> errors = new ArrayList<>();
        Timestamp now = Timestamp.now(clock);
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            if (!item.hasNonNull("id")) {
                errors.add(ErrorDetail.of("/(" + i + ")/id", "must be given"));
                continue;
            }
            AppId id;
            try {
                id = AppId.parse(item.get("id").stringValue());
            } catch (InvalidIdException e) {
                errors.add(ErrorDetail.of("/(" + i + ")/id", e.getMessage()));
                continue;
            }
            Optional<AppDefinition> stored = apps.find(id);
            if (stored.isEmpty() && mustExist) {
                throw ApiException.notFound("App '%s' does not exist", id);
            }
            AppDefinition next = stored.isPresent()
                    ? AppEdits.versioned(stored.get(), definitions.readUpdate(item, stored.get(), mode), now)
                    : edits.stamp(definitions.readNew(item, id), now);
            errors.addAll(AppValidator.prefixed("/(" + i + ")", validator.validate(next)));
            changes.add(new AppEdit(stored.orElse(null), next));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return deployments.commit(changes, now, force, null);
    }

    /** Sets {@code instances}, as a scale-only change ({@code DELETE .../tasks?scale=true}). */
    public DeploymentResult scaleTo(AppId id, int instances, boolean force) {
        AppDefinition stored = apps.require(id);
        return save(stored, stored.toBuilder().instances(Math.max(0, instances)).build(), force);
    }

    /** A new version with the same definition: every task counts as outdated and is replaced (rolling). */
    public DeploymentResult restart(AppId id, boolean force) {
        AppDefinition stored = apps.require(id);
        Timestamp now = Timestamp.now(clock);
        AppDefinition restarted = stored.toBuilder().version(now).versionInfo(new VersionInfo(now, now)).build();
        return deployments.commit(List.of(new AppEdit(stored, restarted)), now, force, null);
    }

    public DeploymentResult delete(AppId id, boolean force) {
        AppDefinition stored = apps.require(id);
        return deployments.commit(List.of(new AppEdit(stored, null)), Timestamp.now(clock), force, null);
    }

    /** {@code DELETE /v2/deployments/{id}}: see {@link AppDeployments#revertDeployment}. */
    public DeploymentResult revertDeployment(String deploymentId, String why) {
        return deployments.revertDeployment(deploymentId, why);
    }

    /** 409 when a running deployment holds any of the apps. */
    public void requireUnlocked(Collection<AppId> ids) {
        deployments.requireUnlocked(ids);
    }

    private DeploymentResult save(AppDefinition stored, AppDefinition next, boolean force) {
        Timestamp now = Timestamp.now(clock);
        AppDefinition app = AppEdits.versioned(stored, next, now);
        validator.check(app);
        return deployments.commit(List.of(new AppEdit(stored, app)), now, force, null);
    }
}

package dev.pacer.scheduler.app.service;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.marathon.app.VersionInfo;
import dev.pacer.scheduler.app.definition.AppDefinitions;
import dev.pacer.scheduler.app.definition.AppValidator;
import dev.pacer.scheduler.app.definition.UpdateMode;
import dev.pacer.scheduler.app.ports.ServicePorts;
import dev.pacer.scheduler.queue.BackoffStore;
import dev.pacer.scheduler.reconcile.AppHints;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Changes to app definitions: create, update (partial or full, or a rollback to a stored version),
 * scale, restart, delete. Every request is validated completely before anything is written, so a
 * rejected request changes nothing; every accepted change stores a new version and wakes the app's
 * reconciler, which converges the tasks.
 */
public class AppService {

    /** The outcome of a PUT: whether it created the app, and the change. */
    public record Change(boolean created, DeploymentResult result, AppDefinition app) {
    }

    private final AppRepository apps;
    private final AppDefinitions definitions;
    private final AppValidator validator;
    private final BackoffStore backoffs;
    private final ServicePorts servicePorts;
    private final AppHints hints;
    private final Clock clock;

    public AppService(AppRepository apps, AppDefinitions definitions, AppValidator validator, BackoffStore backoffs,
                      ServicePorts servicePorts, AppHints hints, Clock clock) {
        this.apps = apps;
        this.definitions = definitions;
        this.validator = validator;
        this.backoffs = backoffs;
        this.servicePorts = servicePorts;
        this.hints = hints;
        this.clock = clock;
    }

    public Change create(JsonNode body) {
        AppDefinition valid = stamp(definitions.readNew(body), null);
        validator.check(valid);
        ApiException.checkConflict(apps.find(valid.appId()).isEmpty(), "An app with id [%s] already exists.", valid.appId());
        AppDefinition app = servicePorts.assign(null, valid);
        if (!apps.create(app)) {
            servicePorts.release(app);
            throw ApiException.conflict("An app with id [%s] already exists.", app.appId());
        }
        hints.publish(app.appId());
        return new Change(true, result(app), app);
    }

    /** {@code PUT /v2/apps/{id}}: updates the app, rolls it back, or creates it. */
    public Change put(AppId id, JsonNode body, UpdateMode mode) {
        Optional<AppDefinition> stored = apps.find(id);
        Optional<Timestamp> rollback = definitions.rollbackVersion(body);
        if (rollback.isPresent()) {
            AppDefinition current = stored.orElseThrow(() -> ApiException.notFound("App '%s' does not exist", id));
            AppDefinition old = apps.version(id, rollback.get()).orElseThrow(() ->
                    ApiException.notFound("App '%s' does not exist in version %s", id, rollback.get()));
            return new Change(false, save(current, old), old);
        }
        if (stored.isEmpty()) {
            AppDefinition app = stamp(definitions.readNew(body, id), null);
            validator.check(app);
            app = servicePorts.assign(null, app);
            apps.save(app);
            hints.publish(id);
            return new Change(true, result(app), app);
        }
        AppDefinition updated = definitions.readUpdate(body, stored.get(), mode);
        return new Change(false, save(stored.get(), updated), updated);
    }

    /** {@code PATCH /v2/apps/{id}}: a partial update of an existing app. */
    public DeploymentResult patch(AppId id, JsonNode body) {
        AppDefinition stored = apps.require(id);
        return save(stored, definitions.readUpdate(body, stored, UpdateMode.PARTIAL));
    }

    /** Bulk {@code PUT}/{@code PATCH /v2/apps}: every app validated first, then all written. */
    public DeploymentResult putAll(JsonNode body, UpdateMode mode, boolean mustExist) {
        if (body == null || !body.isArray()) {
            throw ApiException.badRequest("Expected a JSON array of apps");
        }
        List<AppDefinition[]> changes = new ArrayList<>();
        List<ErrorDetail> errors = new ArrayList<>();
        Timestamp now = Timestamp.now(clock);
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            if (!item.hasNonNull("id")) {
                errors.add(ErrorDetail.of("/(" + i + ")/id", "must be given"));
                continue;
            }
            AppId id = AppId.parse(item.get("id").asString());
            Optional<AppDefinition> stored = apps.find(id);
            if (stored.isEmpty() && mustExist) {
                throw ApiException.notFound("App '%s' does not exist", id);
            }
            AppDefinition next = stored.isPresent()
                    ? versioned(stored.get(), definitions.readUpdate(item, stored.get(), mode), now)
                    : stamp(definitions.readNew(item, id), now);
            errors.addAll(AppValidator.prefixed("/(" + i + ")", validator.validate(next)));
            changes.add(new AppDefinition[] {stored.orElse(null), next});
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        for (AppDefinition[] change : changes) {
            AppDefinition app = servicePorts.assign(change[0], change[1]);
            apps.save(app);
            afterSave(change[0], app);
        }
        return new DeploymentResult(UUID.randomUUID().toString(), now.toString());
    }

    /** Sets {@code instances}, as a scale-only change ({@code DELETE .../tasks?scale=true}). */
    public DeploymentResult scaleTo(AppId id, int instances) {
        AppDefinition stored = apps.require(id);
        return save(stored, stored.toBuilder().instances(Math.max(0, instances)).build());
    }

    /** A new version with the same definition: every task counts as outdated and is replaced. */
    public DeploymentResult restart(AppId id) {
        AppDefinition stored = apps.require(id);
        Timestamp now = Timestamp.now(clock);
        AppDefinition restarted = stored.toBuilder().version(now).versionInfo(new VersionInfo(now, now)).build();
        apps.save(restarted);
        afterSave(stored, restarted);
        return result(restarted);
    }

    public DeploymentResult delete(AppId id) {
        Optional<AppDefinition> stored = apps.find(id);
        ApiException.checkFound(apps.delete(id), "App '%s' does not exist", id);
        stored.ifPresent(servicePorts::release);
        hints.publish(id);
        return new DeploymentResult(UUID.randomUUID().toString(), Timestamp.now(clock).toString());
    }

    private DeploymentResult save(AppDefinition stored, AppDefinition next) {
        AppDefinition app = versioned(stored, next, Timestamp.now(clock));
        validator.check(app);
        app = servicePorts.assign(stored, app);
        apps.save(app);
        afterSave(stored, app);
        return result(app);
    }

    /** Marathon's versioning: a scale-only change moves {@code lastScalingAt}, any other change both dates. */
    private static AppDefinition versioned(AppDefinition stored, AppDefinition next, Timestamp now) {
        Timestamp configChange = AppDefinitions.isScaleOnly(stored, next) && stored.versionInfo() != null
                ? stored.versionInfo().lastConfigChangeAt() : now;
        return next.toBuilder().id(stored.id()).version(now).versionInfo(new VersionInfo(now, configChange)).build();
    }

    private AppDefinition stamp(AppDefinition app, Timestamp at) {
        Timestamp now = at != null ? at : Timestamp.now(clock);
        return app.toBuilder().version(now).versionInfo(new VersionInfo(now, now)).build();
    }

    private void afterSave(AppDefinition before, AppDefinition after) {
        if (before == null || !AppDefinitions.isScaleOnly(before, after)) {
            backoffs.reset(after.appId());
        }
        hints.publish(after.appId());
    }

    private static DeploymentResult result(AppDefinition app) {
        return new DeploymentResult(UUID.randomUUID().toString(), app.version().toString());
    }
}

package dev.pacer.scheduler.app.service;

import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.marathon.app.VersionInfo;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.definition.AppValidator;
import dev.pacer.scheduler.definition.UpdateMode;
import dev.pacer.scheduler.definition.store.AppRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The next versions of apps, before anything is written: a body read as a new app or an update of the
 * stored one, a scale, a rollback to an old definition, each stamped with Marathon's versioning. Shared by
 * app and group changes, so both version an app the same way.
 */
public class AppEdits {

    private final AppRepository apps;
    private final AppDefinitions definitions;
    private final AppValidator validator;
    private final Clock clock;

    public AppEdits(AppRepository apps, AppDefinitions definitions, AppValidator validator, Clock clock) {
        this.apps = apps;
        this.definitions = definitions;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * What a group update does to one app given in full: a new app, or the replacement of the stored
     * one (not a partial update). Not validated yet: see {@link #validate}.
     */
    public AppEdit replacement(AppId id, JsonNode item, Timestamp now) {
        Optional<AppDefinition> stored = apps.find(id);
        return stored.isPresent()
                ? new AppEdit(stored.get(), versioned(stored.get(), definitions.readUpdate(item, stored.get(), UpdateMode.FULL), now))
                : new AppEdit(null, stamp(definitions.readNew(item, id), now));
    }

    /** Scales a stored app to {@code instances}. */
    public AppEdit scaled(AppDefinition stored, int instances, Timestamp now) {
        return new AppEdit(stored, versioned(stored, stored.toBuilder().instances(Math.max(0, instances)).build(), now));
    }

    /**
     * Takes a stored app back to an old definition, as a new version that keeps the old
     * {@code lastConfigChangeAt}: tasks still running that config count as current again and stay;
     * tasks of the config rolled back from are replaced. Re-creates a deleted app.
     */
    public AppEdit restored(AppDefinition current, AppDefinition old, Timestamp now) {
        if (current == null) {
            return new AppEdit(null, stamp(old, now));
        }
        Timestamp configChange = old.versionInfo() != null && old.versionInfo().lastConfigChangeAt() != null
                ? old.versionInfo().lastConfigChangeAt() : now;
        return new AppEdit(current, old.toBuilder().id(current.id()).version(now).versionInfo(new VersionInfo(now, configChange)).build());
    }

    /** The failing paths of an edit's new definition, under {@code prefix}. */
    public List<ErrorDetail> validate(AppEdit edit, String prefix) {
        return edit.after() == null ? List.of() : AppValidator.prefixed(prefix, validator.validate(edit.after()));
    }

    /**
     * The next version of a stored app; the stored app itself when nothing but answer-only fields
     * (version, counts, tasks…) differ: an identical definition is no change and restarts nothing.
     * Marathon's versioning: a scale-only change moves {@code lastScalingAt}, any other change both dates.
     */
    static AppDefinition versioned(AppDefinition stored, AppDefinition next, Timestamp now) {
        if (AppDefinitions.sameDefinition(stored, next)) {
            return stored;
        }
        Timestamp configChange = AppDefinitions.isScaleOnly(stored, next) && stored.versionInfo() != null
                ? stored.versionInfo().lastConfigChangeAt() : now;
        return next.toBuilder().id(stored.id()).version(now).versionInfo(new VersionInfo(now, configChange)).build();
    }

    /** A new app's first version, at {@code at} (now when null): both dates of its version info. */
    AppDefinition stamp(AppDefinition app, Timestamp at) {
        Timestamp now = at != null ? at : Timestamp.now(clock);
        return app.toBuilder().version(now).versionInfo(new VersionInfo(now, now)).build();
    }
}

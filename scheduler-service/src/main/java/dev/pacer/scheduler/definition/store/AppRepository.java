package dev.pacer.scheduler.definition.store;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.definition.AppJson;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** Typed access to stored app definitions (the store itself only knows JSON). */
public class AppRepository {

    private final AppStore store;
    private final AppJson json;
    private final ToIntFunction<String> shardOf;

    public AppRepository(AppStore store, AppJson json, ToIntFunction<String> shardOf) {
        this.store = store;
        this.json = json;
        this.shardOf = shardOf;
    }

    public Optional<AppDefinition> find(AppId app) {
        return store.get(app).map(this::read);
    }

    public AppDefinition require(AppId app) {
        return find(app).orElseThrow(() -> ApiException.notFound("App '%s' does not exist", app));
    }

    /** False when an app with that id exists already. */
    public boolean create(AppDefinition app) {
        return store.create(app.appId(), shard(app.appId()), app.version().toString(), json.writeString(app));
    }

    public void save(AppDefinition app) {
        store.put(app.appId(), shard(app.appId()), app.version().toString(), json.writeString(app));
    }

    /** Stores the version for a later deployment step; the current definition stays as it is. */
    public void saveVersion(AppDefinition app) {
        store.putVersion(app.appId(), app.version().toString(), json.writeString(app));
    }

    /** Makes a stored version current; false when it is not stored. */
    public boolean activate(AppId app, String version) {
        return store.activate(app, shard(app), version);
    }

    public boolean delete(AppId app) {
        return store.delete(app);
    }

    public void forget(AppId app) {
        store.forget(app, shard(app));
    }

    public List<String> versions(AppId app) {
        return store.versions(app);
    }

    public Optional<AppDefinition> version(AppId app, Timestamp version) {
        return store.version(app, version.toString()).map(this::read);
    }

    /** Every app at or below {@code group}. */
    public List<AppDefinition> list(AppId group) {
        return store.getAll(store.ids(group)).stream().map(this::read).toList();
    }

    public int shard(AppId app) {
        return shardOf.applyAsInt(app.toString());
    }

    private AppDefinition read(String raw) {
        return json.mapper().readValue(raw, AppDefinition.class);
    }
}

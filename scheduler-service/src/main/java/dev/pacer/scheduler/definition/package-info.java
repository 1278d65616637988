/**
 * Marathon app definitions in the scheduler: reading request bodies, normalising them, merging updates,
 * validating, and writing the app JSON. Plain Java, no Spring; the API layer calls
 * {@link dev.pacer.scheduler.definition.AppDefinitions} and
 * {@link dev.pacer.scheduler.definition.AppValidator}.
 *
 * <h2>Flow of a request body</h2>
 * <ol>
 *   <li>{@code POST /v2/apps}: {@code readNew(body)}; {@code PUT /v2/apps/{id}}:
 *       {@code rollbackVersion(body)} first (the body {@code {"version": ts}} or
 *       {@code {"id", "version"}} asks for a rollback; {@code version} with any other field is a 422 on
 *       {@code /version}), then {@code readUpdate(body, stored, PARTIAL|FULL)} or, for an app that does
 *       not exist, {@code readNew(body, pathId)}; {@code PATCH}: {@code readUpdate(..., PARTIAL)}.</li>
 *   <li>JSON that does not fit the model is a 400 "Invalid JSON" with the failing path. Unknown and
 *       read-only fields ({@code tasks}, {@code tasksRunning}, {@code deployments}, ...) are ignored.</li>
 *   <li>{@code AppValidator.validate(app)} returns every violation at once; {@code check(app)} throws
 *       Marathon's 422 "Object is not valid".</li>
 *   <li>{@code write(app)} gives the JSON object, to which the API layer adds counts, tasks and
 *       deployments.</li>
 * </ol>
 *
 * <h2>Normalisation ({@link dev.pacer.scheduler.definition.AppNormalizer})</h2>
 * Marathon 1.11's defaults ({@link dev.pacer.scheduler.definition.AppDefaults}): instances 1, cpus 1,
 * mem 128, disk 0, gpus 0, executor "", role "*", backoff 1 s × 1.15 up to 300 s, requirePorts false,
 * networks {@code [{"mode":"host"}]}, port definitions {@code [{"port":0,"name":"default","protocol":"tcp"}]}
 * when neither {@code ports} nor {@code portDefinitions} is given, upgrade strategy {1, 1} ({0, 0} for
 * {@code MARATHON_SINGLE_INSTANCE_APP}, {0.5, 0} with {@code residency}), kill selection
 * YOUNGEST_FIRST, unreachable strategy {0, 0} ({@code "disabled"} with {@code residency}), health and
 * readiness check defaults (§4.2, §4.3), {@code portIndex 0} for a health check without port when the app
 * has ports. Ids become absolute and canonical ({@code foo} and {@code //foo/} are {@code /foo});
 * dependencies resolve against the app's group. Deprecated inputs are translated: {@code ports} to port
 * definitions, {@code uris} to {@code fetch}, {@code docker.network}/{@code ipAddress} to {@code networks},
 * {@code docker.portMappings} to {@code container.portMappings}. Leniency for the Marathon Java client:
 * a constraint value {@code ""} counts as absent, and readiness {@code intervalSeconds}/{@code timeoutSeconds}
 * of 0 mean the defaults (30, 10). Contradictions are left as sent, for validation to report.
 *
 * <h2>Updates</h2>
 * Partial ({@code PATCH}, {@code PUT} with {@code partialUpdate=true}): top-level fields present in the
 * body replace the stored ones, absent ones stay; an explicit {@code null} resets a field to its default.
 * Full ({@code partialUpdate=false}): the body is the new definition and omitted fields get defaults. Both
 * keep the stored id, {@code version} and {@code versionInfo}; the caller sets the new version
 * ({@code AppDefinitions.isScaleOnly} tells a scale from a configuration change).
 *
 * <h2>Output rules (reference §1)</h2>
 * Carried by the annotations of {@code dev.pacer.contract.marathon.app}: absent optionals are omitted;
 * {@code args, constraints, dependencies, env, fetch, healthChecks, readinessChecks, secrets} (and
 * {@code acceptedResourceRoles}) are omitted when empty; {@code labels, networks, executor, requirePorts,
 * killSelection, unreachableStrategy, upgradeStrategy} and, with host networking, {@code portDefinitions}
 * are always written; {@code ports}, {@code uris}, {@code ipAddress} never. Timestamps are
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} ({@code dev.pacer.contract.marathon.app.Timestamp}).
 */
package dev.pacer.scheduler.definition;

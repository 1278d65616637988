"""deployments: list a running deployment, refuse a change without force (409), replace it with force, roll it
back (DELETE /v2/deployments/<id>), and cancel one without rollback (force=True, 202)."""
from marathon import MarathonApp
from marathon.exceptions import ConflictError, NotFoundError

from _pacer import check, check_equal, check_timestamp, eventually, expect_http_error, run

NOWHERE = [["hostname", "LIKE", "no-such-host"]]
ACTIONS = {"StartApplication", "StopApplication", "ScaleApplication", "RestartApplication", "ResolveArtifacts"}


def deployment_of(s, app_id):
    return next((d for d in s.client.list_deployments() if app_id in d.affected_apps), None)


def scenario(s):
    stuck = s.delete_app_afterwards(s.unique_id("deploy-new"))
    s.step(f"create_app({stuck}) that no agent accepts")
    created = s.client.create_app(stuck, MarathonApp(cmd="sleep 3600", cpus=0.01, mem=16, instances=1,
                                                     constraints=NOWHERE))
    s.step("list_deployments()")
    d = eventually(lambda: deployment_of(s, stuck), f"a deployment of {stuck}")
    check_equal(d.affected_apps, [stuck], "affectedApps")
    check_equal([x.id for x in created.deployments], [d.id], "the deployment create_app named")
    check_timestamp(d.version, "deployment version")
    check_equal(d.total_steps, len(d.steps), "totalSteps = len(steps)")
    check(0 <= d.current_step <= d.total_steps, "currentStep within the steps", d.current_step, d.total_steps)
    for step in d.steps:
        for action in step.actions:
            check(action.action in ACTIONS and action.app == stuck, "a step's action", action)
    check(d.current_actions and all(a.app == stuck for a in d.current_actions), "currentActions", d.current_actions)

    s.step(f"update_app({stuck}) during its deployment, without force")
    e = expect_http_error(lambda: s.client.update_app(stuck, MarathonApp(instances=2)), ConflictError, 409,
                          "a change of a locked app")
    check(d.id in e.error_message, "the 409 names the deployment", e.error_message)

    s.step(f"delete_deployment({d.id}) (rollback)")
    result = s.client.delete_deployment(d.id)
    check(result.get("deploymentId") and result.get("deploymentId") != d.id, "a rollback deployment", result)
    s.step(f"get_app({stuck}) after the rollback of its creation")
    eventually(lambda: expect_http_error(lambda: s.client.get_app(stuck), NotFoundError, 404, "rolled back"),
               "the app's creation rolled back", 60)
    eventually(lambda: deployment_of(s, stuck) is None, "no deployment left", 60)

    running = s.delete_app_afterwards(s.unique_id("deploy-old"))
    s.step(f"create_app({running})")
    s.client.create_app(running, MarathonApp(cmd="sleep 3600", cpus=0.01, mem=16, instances=1))
    task = s.wait_for_running(running, 1)[0]
    s.wait_for_deployments([running])
    s.step(f"update_app({running}) to a placement no agent accepts")
    first = s.client.update_app(running, MarathonApp(constraints=NOWHERE))
    eventually(lambda: deployment_of(s, running), "the stuck update listed")
    s.step(f"update_app({running}, force=True) during that deployment")
    forced = s.client.update_app(running, MarathonApp(cmd="sleep 3604"), force=True)
    check(forced.get("deploymentId") not in (None, first["deploymentId"]), "a new deployment", first, forced)
    listed = eventually(lambda: (lambda x: x if x and x.id == forced["deploymentId"] else None)(
        deployment_of(s, running)), "only the forced deployment listed")
    check(first["deploymentId"] not in [x.id for x in s.client.list_deployments()], "the first one was cancelled")

    s.step(f"delete_deployment({listed.id}, force=True)")
    check_equal(s.client.delete_deployment(listed.id, force=True), {}, "force: no rollback, empty answer")
    eventually(lambda: deployment_of(s, running) is None, "the deployment gone", 60)
    app = s.client.get_app(running, embed_tasks=True)
    check_equal((app.cmd, [c.json_repr() for c in app.constraints]), ("sleep 3604", NOWHERE),
                "no rollback: the app keeps its target definition")
    check_equal([t.id for t in app.tasks], [task.id], "the old task still runs (never replaced)")

    s.step("delete_deployment(unknown)")
    expect_http_error(lambda: s.client.delete_deployment("00000000-0000-0000-0000-000000000000"), NotFoundError, 404,
                      "an unknown deployment")


run("deployments", scenario)

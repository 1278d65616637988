"""apps_versions: restart (new tasks, new version, same definition), list and read versions, roll back to the
first version (PUT {"version": ...}), then delete the app."""
from marathon import MarathonApp
from marathon.exceptions import NotFoundError

from _pacer import check, check_equal, check_timestamp, expect_http_error, run


def scenario(s):
    app_id = s.delete_app_afterwards(s.unique_id("versions"))
    s.step(f"create_app({app_id}) v1")
    s.client.create_app(app_id, MarathonApp(cmd="sleep 3600", cpus=0.01, mem=16, instances=2))
    v1_tasks = s.wait_for_running(app_id, 2)
    v1 = s.client.get_app(app_id).version

    s.step(f"restart_app({app_id})")
    result = s.client.restart_app(app_id)
    check(result.get("deploymentId"), "restart answers a DeploymentResult", result)
    check_timestamp(result.get("version"), "restart's version")
    s.wait_for_deployments([app_id])
    restarted = s.wait_for_running(app_id, 2)
    check(not {t.id for t in v1_tasks} & {t.id for t in restarted}, "a restart replaces every task",
          v1_tasks, restarted)
    check_equal(s.client.get_app(app_id).cmd, "sleep 3600", "a restart keeps the definition")

    s.step(f"update_app({app_id}) v2")
    s.client.update_app(app_id, MarathonApp(cmd="sleep 3602"))
    s.wait_for_deployments([app_id])
    v2 = s.client.get_app(app_id).version

    s.step(f"list_versions({app_id})")
    versions = s.client.list_versions(app_id)
    for v in versions:
        check_timestamp(v, "a listed version")
    check(v1 in versions and v2 in versions, "both versions listed", v1, v2, versions)
    check_equal(len(set(versions)), len(versions), "versions listed once each")

    s.step(f"get_version({app_id}, v1)")
    old = s.client.get_version(app_id, v1)
    check_equal((old.id, old.cmd, old.version, old.instances), (app_id, "sleep 3600", v1, 2), "the app at v1")
    s.step(f"get_version({app_id}, v2)")
    check_equal(s.client.get_version(app_id, v2).cmd, "sleep 3602", "the app at v2")
    s.step(f"get_version({app_id}, unknown)")
    expect_http_error(lambda: s.client.get_version(app_id, "2001-01-01T00:00:00.000Z"), NotFoundError, 404,
                      "an unknown version")

    s.step(f"rollback_app({app_id}, v1)")
    result = s.client.rollback_app(app_id, v1)
    check(result.get("deploymentId"), "rollback answers a DeploymentResult", result)
    s.wait_for_deployments([app_id])
    rolled = s.client.get_app(app_id)
    check_equal((rolled.cmd, rolled.instances), ("sleep 3600", 2), "cmd and instances after the rollback")
    check(rolled.version > v2, "a rollback is a new version", v2, rolled.version)
    tasks = s.wait_for_running(app_id, 2)
    check(all(t.version == rolled.version for t in tasks), "every task runs the rolled-back definition", tasks)
    check(rolled.version in s.client.list_versions(app_id), "the rollback's version is listed")

    s.step(f"delete_app({app_id})")
    result = s.client.delete_app(app_id)
    check(result.get("deploymentId") and result.get("version"), "delete answers a DeploymentResult", result)
    s.step(f"get_app({app_id}) after delete")
    e = expect_http_error(lambda: s.client.get_app(app_id), NotFoundError, 404, "a deleted app")
    check_equal(e.error_message, f"App '{app_id}' does not exist", "Marathon's message")
    s.step(f"list_tasks() after delete of {app_id}")
    s.wait_for_deployments([app_id])
    check(not [t for t in s.client.list_tasks() if t.app_id == app_id], "no task left of the deleted app")


run("apps_versions", scenario)

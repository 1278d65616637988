"""apps_update_scale: update an app (a new version, new tasks), scale it absolutely and by a delta (the client
PUTs those to /v2/apps//<id>, a double slash), and update several apps at once."""
from marathon import MarathonApp
from marathon.util import to_datetime

from _pacer import check, check_equal, check_timestamp, run


def scenario(s):
    app_id = s.delete_app_afterwards(s.unique_id("scale"))
    s.step(f"create_app({app_id})")
    s.client.create_app(app_id, MarathonApp(cmd="sleep 3600", cpus=0.01, mem=16, instances=1))
    first = s.wait_for_running(app_id, 1)
    v1 = s.client.get_app(app_id).version

    s.step(f"update_app({app_id}, cmd and labels)")
    result = s.client.update_app(app_id, MarathonApp(cmd="sleep 3601", labels={"stage": "two"}))
    check(result.get("deploymentId") and result.get("version"), "update_app answers a DeploymentResult", result)
    check_timestamp(result["version"], "DeploymentResult.version")
    s.wait_for_deployments([app_id])
    updated = s.client.get_app(app_id)
    check_equal((updated.cmd, updated.labels), ("sleep 3601", {"stage": "two"}), "cmd and labels after update")
    check_equal(updated.version, result["version"], "the app's version is the update's version")
    check(updated.version > v1, "a newer version", v1, updated.version)
    check_equal(updated.version_info.last_config_change_at, to_datetime(updated.version),
                "versionInfo.lastConfigChangeAt after a config change")
    replaced = s.wait_for_running(app_id, 1)
    check(replaced[0].id != first[0].id, "a config change replaces the task", first[0].id, replaced[0].id)
    check_equal(replaced[0].version, updated.version, "the new task runs the new version")

    s.step(f"scale_app({app_id}, instances=3)")
    result = s.client.scale_app(app_id, instances=3)
    check(result and result.get("deploymentId"), "scale_app (PUT /v2/apps//<id>) answers a DeploymentResult", result)
    tasks = s.wait_for_running(app_id, 3)
    check(replaced[0].id in [t.id for t in tasks], "scaling up keeps the running task", replaced[0].id, tasks)
    scaled = s.client.get_app(app_id)
    check_equal(scaled.instances, 3, "instances after scale_app(instances=3)")
    check_equal(scaled.cmd, "sleep 3601", "scaling keeps the cmd")
    check(scaled.version_info.last_config_change_at < scaled.version_info.last_scaling_at,
          "a scale changes lastScalingAt only", scaled.version_info)

    s.step(f"scale_app({app_id}, delta=-2)")
    s.client.scale_app(app_id, delta=-2)
    left = s.wait_for_running(app_id, 1)
    check(left[0].id in [t.id for t in tasks], "scaling down keeps one of the running tasks", left, tasks)
    check_equal(s.client.get_app(app_id).instances, 1, "instances after delta -2")
    s.step(f"scale_app({app_id}, delta=+1)")
    s.client.scale_app(app_id, delta=1)
    s.wait_for_running(app_id, 2)
    check_equal(s.client.get_app(app_id).instances, 2, "instances after delta +1")

    other = s.delete_app_afterwards(s.unique_id("scale-bulk"))
    s.step(f"update_apps([{app_id} instances=1, new {other}])")
    result = s.client.update_apps([MarathonApp(id=app_id, instances=1),
                                   MarathonApp(id=other, cmd="sleep 3600", cpus=0.01, mem=16, instances=1)])
    check(result.get("deploymentId"), "update_apps answers a DeploymentResult", result)
    s.wait_for_running(app_id, 1)
    s.wait_for_running(other, 1)
    check_equal(s.client.get_app(app_id).cmd, "sleep 3601", "a partial bulk update keeps the cmd")


run("apps_update_scale", scenario)

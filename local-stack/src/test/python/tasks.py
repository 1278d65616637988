"""tasks: kill one task (replaced), a given list of tasks with scale (instances go down), one task with scale,
and all tasks of an app."""
from marathon import MarathonApp
from marathon.models.task import MarathonTask

from _pacer import check, check_equal, eventually, run


def scenario(s):
    app_id = s.delete_app_afterwards(s.unique_id("tasks"))
    s.step(f"create_app({app_id}) with 5 instances")
    s.client.create_app(app_id, MarathonApp(cmd="sleep 3600", cpus=0.01, mem=16, instances=5))
    tasks = s.wait_for_running(app_id, 5)
    ids = [t.id for t in tasks]

    s.step(f"kill_task({app_id}, {ids[0]})")
    killed = s.client.kill_task(app_id, ids[0])
    check(isinstance(killed, MarathonTask), "kill_task answers {\"task\": ...}", killed)
    check_equal(killed.id, ids[0], "the killed task's id")
    replaced = eventually(lambda: (lambda now: now if ids[0] not in [t.id for t in now] else None)(
        s.wait_for_running(app_id, 5)), "the killed task replaced", 120)
    check_equal(s.client.get_app(app_id).instances, 5, "a kill without scale keeps instances")
    ids = [t.id for t in replaced]

    s.step(f"kill_given_tasks([{ids[0]}, {ids[1]}], scale=True)")
    check(s.client.kill_given_tasks(ids[:2], scale=True) is True, "kill_given_tasks answers 200")
    eventually(lambda: s.client.get_app(app_id).instances == 3, "instances 3 after killing 2 with scale")
    left = s.wait_for_running(app_id, 3)
    check_equal(sorted(t.id for t in left), sorted(ids[2:]), "exactly the other three tasks keep running")

    s.step(f"kill_task({app_id}, {ids[2]}, scale=True)")
    result = s.client.kill_task(app_id, ids[2], scale=True)
    check(isinstance(result, dict) and result.get("deploymentId"), "with scale: a DeploymentResult", result)
    left = s.wait_for_running(app_id, 2)
    check_equal(sorted(t.id for t in left), sorted(ids[3:]), "the two remaining tasks")
    check_equal(s.client.get_app(app_id).instances, 2, "instances after a kill with scale")

    s.step(f"kill_given_tasks([{ids[3]}]) without scale")
    check(s.client.kill_given_tasks([ids[3]]) is True, "kill_given_tasks answers 200")
    eventually(lambda: ids[3] not in [t.id for t in s.wait_for_running(app_id, 2)], "the task replaced", 120)

    s.step(f"kill_tasks({app_id}, scale=True)")
    before = sorted(t.id for t in s.client.list_tasks(app_id))
    result = s.client.kill_tasks(app_id, scale=True)
    check(isinstance(result, dict) and result.get("deploymentId"), "with scale: a DeploymentResult", result)
    eventually(lambda: s.client.get_app(app_id, embed_tasks=True).tasks == [], "no task left")
    check_equal(s.client.get_app(app_id).instances, 0, "instances after killing all with scale")

    s.step(f"scale_app({app_id}, instances=2), then kill_tasks({app_id})")
    s.client.scale_app(app_id, instances=2)
    before = sorted(t.id for t in s.wait_for_running(app_id, 2))
    killed = s.client.kill_tasks(app_id)
    check(all(isinstance(t, MarathonTask) for t in killed), "without scale: {\"tasks\": [...]}", killed)
    check_equal(sorted(t.id for t in killed), before, "the killed tasks")
    eventually(lambda: not set(before) & {t.id for t in s.wait_for_running(app_id, 2)}, "both replaced", 120)


run("tasks", scenario)

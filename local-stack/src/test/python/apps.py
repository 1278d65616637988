"""apps: create, get, list with the cmd / id / label filters and embedded tasks, tasks and endpoints."""
from marathon import MarathonApp
from marathon.models.task import MarathonTask

from _pacer import check, check_equal, check_timestamp, run


def scenario(s):
    web = s.delete_app_afterwards(s.unique_id("apps-web"))
    db = s.delete_app_afterwards(s.unique_id("apps-db"))
    marker = web.rsplit("-", 1)[1]  # unique to this run: the cmd filter finds exactly our apps

    s.step(f"create_app({web})")
    created = s.client.create_app(web, MarathonApp(
        cmd=f"sleep 3600 # web {marker}", cpus=0.01, mem=16, instances=2,
        labels={"team": "python", "tier": "web"}, env={"GREETING": "hello"}))
    check(isinstance(created, MarathonApp), "create_app returns the created app (201)", created)
    check_equal(created.id, web, "created.id")
    check_equal(created.instances, 2, "created.instances")
    check_equal(created.labels, {"team": "python", "tier": "web"}, "created.labels")
    check_timestamp(created.version, "created.version")
    check(created.deployments, "the created app names its deployment", created.deployments)

    s.step(f"create_app({db})")
    s.client.create_app(db, MarathonApp(cmd=f"sleep 3600 # db {marker}", cpus=0.01, mem=16, instances=1,
                                        labels={"team": "python", "tier": "db"}))

    s.step(f"get_app({web})")
    got = s.client.get_app(web)
    check_equal(got.id, web, "get_app id")
    check_equal(got.cmd, f"sleep 3600 # web {marker}", "get_app cmd")
    check_equal(got.env, {"GREETING": "hello"}, "get_app env")
    check_equal((got.cpus, got.mem, got.instances), (0.01, 16, 2), "get_app cpus, mem, instances")
    check_equal(got.version, created.version, "get_app version = the version create_app returned")

    s.step("list_apps(cmd=<marker>)")
    check_equal(sorted(a.id for a in s.client.list_apps(cmd=marker)), sorted([web, db]), "ids listed by cmd")
    s.step("list_apps(cmd='# web <marker>')")
    check_equal([a.id for a in s.client.list_apps(cmd=f"# web {marker}")], [web], "ids listed by cmd")
    s.step("list_apps(app_id=<web's last segment, upper case>)")
    check_equal([a.id for a in s.client.list_apps(app_id=web[1:].upper())], [web], "ids listed by id (any case)")

    for selector, expected in [
        ("team==python,tier==web", [web]),
        ("tier!=web", [db]),
        ("tier in (web, db)", [web, db]),
        ("tier notin (web)", [db]),
        ("tier", [web, db]),
    ]:
        s.step(f"list_apps(cmd=<marker>, label={selector!r})")
        listed = sorted(a.id for a in s.client.list_apps(cmd=marker, label=selector))
        check_equal(listed, sorted(expected), f"ids listed by label {selector!r}")
    s.step("list_apps(cmd=<marker>, label='nosuchlabel')")
    check_equal(s.client.list_apps(cmd=marker, label="nosuchlabel"), [], "apps with a label no app has")

    tasks = s.wait_for_running(web, 2)
    s.wait_for_running(db, 1)
    s.step(f"get_app({web}, embed_tasks=True)")
    app = s.client.get_app(web, embed_tasks=True)
    check_equal(len(app.tasks), 2, "embedded tasks")
    for task in app.tasks:
        check(isinstance(task, MarathonTask), "embedded task is a MarathonTask", task)
        check_equal(task.app_id, web, "task.app_id")
        check(task.host and task.slave_id, "task.host and task.slave_id", task.host, task.slave_id)
        check(task.ports and all(isinstance(p, int) and p > 0 for p in task.ports), "task.ports", task.ports)
        check_timestamp(task.staged_at, "task.stagedAt")
        check_timestamp(task.started_at, "task.startedAt")
        check_equal(task.version, app.version, "task.version")
    check_equal(app.tasks_running, 2, "tasksRunning")

    s.step("list_apps(cmd=<marker>, embed_tasks=True)")
    listed = {a.id: a for a in s.client.list_apps(cmd=marker, embed_tasks=True)}
    check_equal(sorted(t.id for t in listed[web].tasks), sorted(t.id for t in tasks), "tasks embedded in the list")
    check_equal(len(listed[db].tasks), 1, "db's embedded tasks")
    s.step("list_apps(cmd=<marker>, tasks_running=2) (the client filters on a parsed attribute)")
    check_equal([a.id for a in s.client.list_apps(cmd=marker, tasks_running=2)], [web], "apps with 2 running")

    s.step(f"list_tasks({web})")
    app_tasks = s.client.list_tasks(web)
    check_equal(sorted(t.id for t in app_tasks), sorted(t.id for t in tasks), "list_tasks(app) ids")
    s.step("list_tasks()")
    all_tasks = {t.id: t for t in s.client.list_tasks()}
    for task in tasks:
        check(task.id in all_tasks, "/v2/tasks lists every task of the app", task.id)
        check_equal(all_tasks[task.id].app_id, web, "/v2/tasks task.app_id")
        check(all_tasks[task.id].service_ports, "/v2/tasks task.servicePorts", all_tasks[task.id].service_ports)
    s.step("list_endpoints()")
    endpoints = [e for e in s.client.list_endpoints() if e.app_id == web]
    check_equal(sorted((e.host, e.task_port) for e in endpoints),
                sorted((t.host, t.ports[0]) for t in tasks), "endpoints of the app (host, port)")


run("apps", scenario)

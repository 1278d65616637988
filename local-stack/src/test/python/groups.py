"""groups: create a group whose web sub-group depends on its db sub-group, read it, list it, change one app of
the group as read back (only that app restarts), scale it by a factor, and delete it."""
from marathon import MarathonApp
from marathon.models import MarathonGroup
from marathon.exceptions import NotFoundError

from _pacer import check, check_equal, check_timestamp, eventually, expect_http_error, run


def app(app_id, cmd, instances=1):
    return MarathonApp(id=app_id, cmd=cmd, cpus=0.01, mem=16, instances=instances)


def all_apps(group):
    return {a.id: a for g in [group] + group.groups for a in g.apps} | {
        a.id: a for g in group.groups for sub in g.groups for a in sub.apps}


def scenario(s):
    g = s.delete_group_afterwards(s.unique_id("group"))
    db, web = f"{g}/db/postgres", f"{g}/web/nginx"
    s.step(f"create_group({g}) with /web depending on /db")
    result = s.client.create_group(MarathonGroup(id=g, groups=[
        MarathonGroup(id=f"{g}/db", apps=[app(db, "sleep 3600")]),
        MarathonGroup(id=f"{g}/web", dependencies=[f"{g}/db"], apps=[app(web, "sleep 3600", 2)]),
    ]))
    check(result.get("deploymentId"), "create_group answers a DeploymentResult", result)
    check_timestamp(result.get("version"), "the group's version")
    s.step("list_deployments(): the db step comes before the web step")
    d = next((x for x in s.client.list_deployments() if x.id == result["deploymentId"]), None)
    if d is not None:  # it may already be done
        order = [a.app for step in d.steps for a in step.actions]
        check(order.index(db) < order.index(web), "db starts before web", order)
    s.wait_for_deployments([db, web])
    db_task = s.wait_for_running(db, 1)[0]
    web_tasks = s.wait_for_running(web, 2)

    s.step(f"get_group({g})")
    group = s.client.get_group(g)
    check_equal(group.id, g, "group id")
    check_equal(sorted(x.id for x in group.groups), [f"{g}/db", f"{g}/web"], "sub-groups")
    web_group = next(x for x in group.groups if x.id == f"{g}/web")
    check_equal(web_group.dependencies, [f"{g}/db"], "web's dependencies")
    check_equal(sorted(all_apps(group)), sorted([db, web]), "the group's apps")
    s.step("list_groups()")
    check(g in [x.id for x in s.client.list_groups()], "listed among the root's groups")
    s.step("list_groups(id=...) (the client's attribute filter)")
    check_equal([x.id for x in s.client.list_groups(id=g)], [g], "filtered by id")

    s.step(f"update_group({g}) as read back, with web's cmd changed")
    group = s.client.get_group(g)
    next(x for x in next(x for x in group.groups if x.id == f"{g}/web").apps if x.id == web).cmd = "sleep 3605"
    for sub in group.groups:  # the client blanks the top group's version; a structural update carries none
        sub.version = None    # (Marathon: "For a structural update, no version should be given.")
    result = s.client.update_group(g, group)
    check(result.get("deploymentId"), "update_group answers a DeploymentResult", result)
    s.wait_for_deployments([db, web])
    new_web = s.wait_for_running(web, 2)
    check(not {t.id for t in web_tasks} & {t.id for t in new_web}, "the changed app restarted", web_tasks, new_web)
    check_equal([t.id for t in s.wait_for_running(db, 1)], [db_task.id], "the unchanged app kept its task")
    check_equal(s.client.get_app(web).cmd, "sleep 3605", "web's new cmd")

    s.step(f"scale_group({g}, 2)")
    result = s.client.scale_group(g, 2)
    check(result.get("deploymentId"), "scale_group answers a DeploymentResult", result)
    s.wait_for_running(db, 2)
    s.wait_for_running(web, 4)
    check_equal((s.client.get_app(db).instances, s.client.get_app(web).instances), (2, 4), "instances after x2")
    s.step(f"scale_group({g}, 0.5)")
    s.client.scale_group(g, 0.5)
    s.wait_for_running(db, 1)
    s.wait_for_running(web, 2)

    s.step(f"delete_group({g})")
    result = s.client.delete_group(g)
    check(result.get("version"), "delete_group answers its version", result)
    eventually(lambda: expect_http_error(lambda: s.client.get_group(g), NotFoundError, 404, "deleted group"),
               "the group gone")
    expect_http_error(lambda: s.client.get_app(web), NotFoundError, 404, "an app of the deleted group")
    s.wait_for_deployments([db, web])
    check(not [t for t in s.client.list_tasks() if t.app_id in (db, web)], "no task left of the group's apps")


run("groups", scenario)

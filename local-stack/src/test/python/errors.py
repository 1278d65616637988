"""errors: Marathon's 404, 409 and 422 raise the client's NotFoundError, ConflictError and MarathonHttpError,
each with the status and Marathon's message."""
from marathon import MarathonApp
from marathon.models import MarathonGroup
from marathon.exceptions import ConflictError, MarathonHttpError, NotFoundError

from _pacer import check, check_equal, expect_http_error, run


def scenario(s):
    missing = s.unique_id("errors-missing")
    for what, call in [
        (f"get_app({missing})", lambda: s.client.get_app(missing)),
        (f"delete_app({missing})", lambda: s.client.delete_app(missing)),
        (f"list_tasks({missing})", lambda: s.client.list_tasks(missing)),
        (f"list_versions({missing})", lambda: s.client.list_versions(missing)),
        (f"restart_app({missing})", lambda: s.client.restart_app(missing)),
        (f"get_group({missing})", lambda: s.client.get_group(missing)),
        (f"delete_group({missing})", lambda: s.client.delete_group(missing)),
    ]:
        s.step(what)
        expect_http_error(call, NotFoundError, 404, what)
    s.step(f"get_app({missing}): message")
    check_equal(expect_http_error(lambda: s.client.get_app(missing), NotFoundError, 404, "get").error_message,
                f"App '{missing}' does not exist", "Marathon's message")
    check_equal(expect_http_error(lambda: s.client.get_group(missing), NotFoundError, 404, "get").error_message,
                f"Group '{missing}' does not exist", "Marathon's message")

    app_id = s.delete_app_afterwards(s.unique_id("errors"))
    s.step(f"create_app({app_id})")
    s.client.create_app(app_id, MarathonApp(cmd="sleep 3600", cpus=0.01, mem=16, instances=1))
    s.step(f"create_app({app_id}) again")
    e = expect_http_error(lambda: s.client.create_app(app_id, MarathonApp(cmd="sleep 1", cpus=0.01, mem=16)),
                          ConflictError, 409, "an app that exists")
    check_equal(e.error_message, f"An app with id [{app_id}] already exists.", "Marathon's message")
    s.step(f"kill_task({app_id}, unknown task)")
    expect_http_error(lambda: s.client.kill_task(app_id, app_id[1:] + ".instance-0000._app.1"), NotFoundError, 404,
                      "an unknown task")

    group = s.delete_group_afterwards(s.unique_id("errors-group"))
    s.step(f"create_group({group}) twice")
    s.client.create_group(MarathonGroup(id=group))
    expect_http_error(lambda: s.client.create_group(MarathonGroup(id=group)), ConflictError, 409, "a group that exists")

    invalid = s.unique_id("errors-invalid")
    s.step(f"create_app({invalid}) with cpus -1 and instances -2")
    e = expect_http_error(lambda: s.client.create_app(invalid, MarathonApp(cmd="sleep 1", cpus=-1, mem=16,
                                                                           instances=-2)),
                          MarathonHttpError, 422, "an invalid app")
    check_equal(e.error_message, "Object is not valid", "Marathon's message")
    paths = sorted(d["path"] for d in e.error_details)
    check_equal(paths, ["/cpus", "/instances"], "one detail per invalid field")
    s.step(f"get_app({invalid}) after the 422")
    expect_http_error(lambda: s.client.get_app(invalid), NotFoundError, 404, "nothing created")

    s.step("list_apps(label='!!!')")
    e = expect_http_error(lambda: s.client.list_apps(label="!!!"), MarathonHttpError, 422, "a bad label selector")
    check(e.error_message.startswith("Can not parse label selector"), "Marathon's message", e.error_message)

    s.step(f"update_app({app_id}) with instances -1")
    expect_http_error(lambda: s.client.update_app(app_id, MarathonApp(instances=-1), force=True), MarathonHttpError,
                      422, "an invalid update")
    check_equal(s.client.get_app(app_id).instances, 1, "the invalid update changed nothing")


run("errors", scenario)

"""What every scenario shares: the client for the stack under test, checks that say what they saw,
polling with a deadline, cleanup of what a scenario created, and the exit protocol PythonClientIT reads.

Exit protocol: 0 passed; 77 skipped (the reason is the last stderr line, "SKIP: <reason>"); anything
else failed (stderr holds the step that failed, the call and the error).

Environment: PACER_URL (the gateway, e.g. http://localhost:8080), PACER_CREDENTIAL ("user:password",
optional: without it the client sends no credential).
"""
import datetime
import os
import re
import sys
import time
import traceback
import uuid

from marathon import MarathonClient
from marathon.exceptions import MarathonHttpError, NotFoundError

SKIPPED = 77

# Marathon's timestamp format: UTC, milliseconds always present
MARATHON_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


class Skip(Exception):
    """Raised by a scenario that cannot run yet; the message is the reason."""


class Scenario:
    """One scenario's context: the client, the current step (named in any failure) and what to delete afterwards."""

    def __init__(self, name):
        self.name = name
        self.url = os.environ.get("PACER_URL", "http://localhost:8080")
        credential = os.environ.get("PACER_CREDENTIAL", "")
        user, _, password = credential.partition(":")
        self.client = MarathonClient(self.url, username=user or None, password=password or None, timeout=30)
        self.auth = (user, password) if user and password else None
        self.current = "start"
        self._apps = []
        self._groups = []

    def step(self, what):
        """Names the call about to be made, so that a failure says where it happened."""
        self.current = what
        print(f"[{self.name}] {what}", flush=True)

    def unique_id(self, label):
        """A fresh absolute id, e.g. /python-apps-3f2a1c (lowercase, digits, hyphens: a valid Marathon id)."""
        return f"/python-{label}-{uuid.uuid4().hex[:8]}"

    def delete_app_afterwards(self, app_id):
        self._apps.append(app_id)
        return app_id

    def delete_group_afterwards(self, group_id):
        self._groups.append(group_id)
        return group_id

    def cleanup(self):
        for app_id in self._apps:
            _quietly(lambda: self.client.delete_app(app_id, force=True))
        for group_id in self._groups:
            _quietly(lambda: self.client.delete_group(group_id, force=True))

    def wait_for_deployments(self, ids, timeout=120):
        """Until no deployment of /v2/deployments affects any of these app ids."""
        ids = set(ids)
        self.step(f"list_deployments() until none affects {sorted(ids)}")
        return eventually(lambda: not [d for d in self.client.list_deployments()
                                       if ids.intersection(d.affected_apps or [])],
                          f"no deployment left for {sorted(ids)}", timeout)

    def wait_for_running(self, app_id, count, timeout=120):
        """Until the app has exactly `count` tasks, all TASK_RUNNING with a start time; returns them."""
        self.step(f"get_app({app_id}, embed_tasks=True) until {count} tasks run")
        def running():
            app = self.client.get_app(app_id, embed_tasks=True)
            tasks = [t for t in app.tasks if t.state == "TASK_RUNNING" and t.started_at is not None]
            return tasks if len(tasks) == count == len(app.tasks) and app.tasks_running == count else None
        return eventually(running, f"{app_id}: {count} tasks TASK_RUNNING", timeout)


def _quietly(call):
    try:
        call()
    except NotFoundError:
        pass
    except Exception as e:  # cleanup never hides the scenario's own result
        print(f"cleanup: {e!r}", file=sys.stderr)


def check(condition, message, *seen):
    """Fails with the message and what was seen."""
    if not condition:
        raise AssertionError(message + ("" if not seen else " — seen: " + "; ".join(repr(s) for s in seen)))


def check_equal(actual, expected, what):
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def check_timestamp(value, what):
    """Marathon's timestamp in the JSON (the client turns it into a datetime; strings are the raw answer)."""
    if isinstance(value, datetime.datetime):
        check(value.tzinfo is not None, f"{what}: timestamp without a time zone", value)
    else:
        check(isinstance(value, str) and MARATHON_TIMESTAMP.match(value),
              f"{what}: not Marathon's timestamp (yyyy-MM-ddTHH:mm:ss.SSSZ)", value)


def expect_http_error(call, error_class, status, what):
    """The call raises exactly the client's error class for this status (NotFoundError 404, ConflictError 409,
    MarathonHttpError otherwise), with Marathon's JSON message; returns the error."""
    try:
        result = call()
    except MarathonHttpError as e:
        check(type(e) is error_class, f"{what}: expected {error_class.__name__}, got {type(e).__name__}", e)
        check_equal(e.status_code, status, f"{what}: status")
        check(e.error_message and e.error_message != e.__class__.__name__,
              f"{what}: the answer carries no JSON message", e)
        return e
    raise AssertionError(f"{what}: expected {error_class.__name__} (HTTP {status}), the call returned {result!r}")


def eventually(probe, what, timeout=90, interval=0.5):
    """Calls probe until it returns something truthy (returned); fails after timeout with the last value or error."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            last = probe()
            if last:
                return last
        except (AssertionError, MarathonHttpError) as e:
            last = e
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for: {what} — last: {last!r}")
        time.sleep(interval)


def run(name, scenario_function):
    """Runs one scenario with its cleanup and exits by the protocol above."""
    scenario = Scenario(name)
    code = 0
    try:
        scenario_function(scenario)
        print(f"[{name}] passed", flush=True)
    except Skip as s:
        print(f"SKIP: {s}", file=sys.stderr, flush=True)
        code = SKIPPED
    except BaseException as e:  # a TypeError from the client's models names the key it did not know
        print(f"FAILED {name} at step: {scenario.current}", file=sys.stderr)
        print(f"{type(e).__name__}: {e}", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        code = 1
    finally:
        scenario.cleanup()
    sys.exit(code)

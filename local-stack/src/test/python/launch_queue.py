"""launch_queue: an app that cannot be placed waits in /v2/queue with its count; a crashing app backs off, and
reset_delay (DELETE /v2/queue/<id>/delay, 204) starts its backoff again from zero; an app not queued is a 404.
(Not named queue.py: that would hide the standard library's queue module from the client's requests.)

Marathon 1.9+ writes "role" in every queue item (RAML QueueObject, required); the client 0.13.0 predates it and
its MarathonQueueItem rejects the key. So the queue is read through the client's own request and parsed with its
own model minus "role", after checking that "role" is there as Marathon writes it."""
from marathon import MarathonApp
from marathon.exceptions import NotFoundError
from marathon.models import MarathonQueueItem

from _pacer import check, check_equal, eventually, expect_http_error, run


def list_queue(s, embed_last_unused_offers=False):
    try:
        return s.client.list_queue(embed_last_unused_offers)
    except TypeError as e:
        check("'role'" in str(e), "the client's list_queue fails only on Marathon 1.9's 'role'", e)
    params = {"embed": "lastUnusedOffers"} if embed_last_unused_offers else {}
    items = s.client._do_request("GET", "/v2/queue", params=params).json()["queue"]
    for item in items:
        check_equal(item.get("role"), "*", "a queue item's role (Marathon 1.9+)")
    return [MarathonQueueItem.from_json({k: v for k, v in item.items() if k != "role"}) for item in items]


def queued(s, app_id):
    return next((q for q in list_queue(s) if q.app.id == app_id), None)


def scenario(s):
    waiting = s.delete_app_afterwards(s.unique_id("queue-waiting"))
    s.step(f"create_app({waiting}) that no agent accepts")
    s.client.create_app(waiting, MarathonApp(cmd="sleep 3600", cpus=0.01, mem=16, instances=2,
                                             constraints=[["hostname", "LIKE", "no-such-host"]]))
    s.step("list_queue()")
    item = eventually(lambda: queued(s, waiting), f"{waiting} in the queue")
    check_equal(item.count, 2, "instances left to launch")
    check_equal(item.app.instances, 2, "the queued app's instances")
    check_equal(item.delay.overdue, True, "waiting for offers: overdue")
    check_equal(item.delay.time_left_seconds, 0, "no backoff")
    s.step("list_queue(embed_last_unused_offers=True)")
    check(any(q.app.id == waiting for q in list_queue(s, embed_last_unused_offers=True)),
          "listed with embed=lastUnusedOffers")
    s.step(f"reset_delay({waiting}) (queued, not backed off)")
    s.client.reset_delay(waiting)

    crashing = s.delete_app_afterwards(s.unique_id("queue-crashing"))
    s.step(f"create_app({crashing}) that exits at once, backoff 600 s")
    s.client.create_app(crashing, MarathonApp(cmd="exit 1", cpus=0.01, mem=16, instances=1,
                                              backoff_seconds=600, max_launch_delay_seconds=3600))
    s.step(f"list_queue() until {crashing} is backed off and its backoff has run a few seconds")
    item = eventually(lambda: (lambda q: q if q and 0 < q.delay.time_left_seconds <= 597 else None)(
        queued(s, crashing)), f"{crashing} backed off for a few seconds", 60)
    check_equal(item.delay.overdue, False, "backed off: not overdue")
    before = item.delay.time_left_seconds

    s.step(f"reset_delay({crashing})")
    s.client.reset_delay(crashing)
    s.step(f"list_queue(): {crashing} launched again and backed off anew (a full backoff again)")
    again = eventually(lambda: (lambda q: q if q and q.delay.time_left_seconds > before else None)(
        queued(s, crashing)), f"a new backoff longer than the {before} s left before the reset", 60)
    check(again.delay.time_left_seconds <= 600, "the first backoff again, not a longer one", again.delay)

    absent = s.unique_id("queue-absent")
    s.step(f"reset_delay({absent}) (not queued)")
    expect_http_error(lambda: s.client.reset_delay(absent), NotFoundError, 404, "reset_delay of an app not queued")


run("launch_queue", scenario)

"""event_stream: the client's event_stream (GET /v2/events, SSE) sees the events of an app it creates."""
import queue
import threading

import requests
from marathon import MarathonApp
from marathon.models.events import MarathonEvent

from _pacer import check, eventually, run


def scenario(s):
    s.step("GET /v2/events (Accept: text/event-stream): a 200 event stream")
    probe = requests.get(s.url + "/v2/events", headers={"Accept": "text/event-stream"}, auth=s.auth,
                         stream=True, timeout=10)
    try:
        check(probe.status_code == 200, "GET /v2/events", probe.status_code, probe.text[:200] if probe.status_code != 200 else "")
        check(probe.headers.get("Content-Type", "").startswith("text/event-stream"), "Content-Type",
              probe.headers.get("Content-Type"))
    finally:
        probe.close()

    events = queue.Queue()

    def listen():
        try:
            for event in s.client.event_stream():
                events.put(event)
        except Exception as e:  # seen by the main thread
            events.put(e)

    threading.Thread(target=listen, daemon=True).start()
    seen = []

    def next_event():
        event = events.get(timeout=60)
        if isinstance(event, Exception):
            raise AssertionError(f"event_stream failed: {event!r}")
        seen.append(event)
        return event

    s.step("event_stream(): event_stream_attached first")
    first = next_event()
    check(isinstance(first, MarathonEvent) and first.event_type == "event_stream_attached", "the first event", first)

    app_id = s.delete_app_afterwards(s.unique_id("events"))
    s.step(f"create_app({app_id}), then its api_post_event and deployment events")
    s.client.create_app(app_id, MarathonApp(cmd="sleep 3600", cpus=0.01, mem=16, instances=1))
    wanted = {"api_post_event", "deployment_info", "deployment_success", "status_update_event"}
    found = set()
    plans = set()  # the client keeps only the id of a deployment_success: it is matched by its deployment_info

    def more():
        event = next_event()
        if getattr(event, "app_id", None) == app_id or app_id in repr(vars(event)):
            found.add(event.event_type)
            if event.event_type == "deployment_info":
                plans.add(event.plan.id)
        elif event.event_type == "deployment_success" and getattr(event, "id", None) in plans:
            found.add(event.event_type)
        return wanted <= found

    eventually(more, f"events {sorted(wanted)} for {app_id} — seen {seen!r}", timeout=120, interval=0)


run("event_stream", scenario)

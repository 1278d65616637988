"""metrics: GET /metrics answers Marathon's Dropwizard-style JSON (version, counters, gauges, ...)."""
from _pacer import check, run


def scenario(s):
    s.step("get_metrics()")
    metrics = s.client.get_metrics()
    check(isinstance(metrics, dict), "a JSON object", metrics)
    for key in ("version", "counters", "gauges", "histograms", "meters", "timers"):
        check(key in metrics, f"/metrics has {key!r}", sorted(metrics))
    check(isinstance(metrics["gauges"], dict) and metrics["gauges"], "some gauges", metrics["gauges"])
    for name, gauge in metrics["gauges"].items():
        check(isinstance(gauge, dict) and "value" in gauge, f"gauge {name} has a value", gauge)


run("metrics", scenario)

"""ping: GET /ping with the client's Accept: application/json answers Marathon's JSON "pong"."""
from _pacer import check_equal, run


def scenario(s):
    s.step("ping()")
    check_equal(s.client.ping(), b'"pong"', "ping() with Accept: application/json")


run("ping", scenario)

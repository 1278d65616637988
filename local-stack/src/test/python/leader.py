"""leader: GET /v2/leader answers {"leader": "host:port"}, the same leader /v2/info names."""
from _pacer import check, check_equal, run


def scenario(s):
    s.step("get_leader()")
    leader = s.client.get_leader()
    check_equal(sorted(leader), ["leader"], "keys of /v2/leader")
    host, _, port = leader["leader"].rpartition(":")
    check(host and port.isdigit(), "leader is host:port", leader)
    s.step("GET /v2/info: the same leader (read raw, so that this scenario does not depend on the info model)")
    check_equal(s.client._do_request("GET", "/v2/info").json().get("leader"), leader["leader"], "/v2/info's leader")


run("leader", scenario)

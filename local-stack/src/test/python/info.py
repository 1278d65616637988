"""info: GET /v2/info parses into the client's MarathonInfo with Marathon's three config objects."""
from marathon.models.info import MarathonConfig, MarathonHttpConfig, MarathonZooKeeperConfig

from _pacer import check, run


def scenario(s):
    s.step("get_info()")
    info = s.client.get_info()
    check(isinstance(info.name, str) and info.name, "info.name is a non-empty string", info.name)
    check(isinstance(info.version, str) and info.version, "info.version is a non-empty string", info.version)
    check(info.elected is True, "info.elected", info.elected)
    check(isinstance(info.leader, str) and ":" in info.leader, "info.leader is host:port", info.leader)
    check(isinstance(info.marathon_config, MarathonConfig), "marathon_config is an object", info.marathon_config)
    check(isinstance(info.zookeeper_config, MarathonZooKeeperConfig), "zookeeper_config is an object",
          info.zookeeper_config)
    check(isinstance(info.http_config, MarathonHttpConfig), "http_config is an object", info.http_config)
    check(isinstance(info.http_config.http_port, int), "http_config.http_port is a number", info.http_config.http_port)
    check(isinstance(info.marathon_config.local_port_min, int) and isinstance(info.marathon_config.local_port_max, int)
          and info.marathon_config.local_port_min < info.marathon_config.local_port_max,
          "marathon_config.local_port_min < local_port_max",
          info.marathon_config.local_port_min, info.marathon_config.local_port_max)


run("info", scenario)

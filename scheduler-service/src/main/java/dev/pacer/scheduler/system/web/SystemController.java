package dev.pacer.scheduler.system.web;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.marathon.InfoResponse;
import dev.pacer.contract.marathon.LeaderResponse;
import dev.pacer.contract.marathon.MessageResponse;
import dev.pacer.scheduler.system.SystemService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Marathon's system endpoints: {@code /ping}, {@code /v2/info}, {@code /v2/leader}. */
@RestController
class SystemController {

    private final SystemService system;

    SystemController(SystemService system) {
        this.system = system;
    }

    @GetMapping(path = ApiPaths.PING, produces = MediaType.TEXT_PLAIN_VALUE)
    String ping() {
        return "pong";
    }

    @GetMapping(ApiPaths.V2_INFO)
    InfoResponse info() {
        return system.info();
    }

    @GetMapping(ApiPaths.V2_LEADER)
    LeaderResponse leader() {
        return new LeaderResponse(system.leaderAddress());
    }

    @DeleteMapping(ApiPaths.V2_LEADER)
    MessageResponse abdicate() {
        system.abdicate();
        return new MessageResponse("Leadership abdicated");
    }
}

package dev.pacer.scheduler.system.web;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.marathon.InfoResponse;
import dev.pacer.contract.marathon.LeaderResponse;
import dev.pacer.contract.marathon.MessageResponse;
import dev.pacer.scheduler.system.MarathonMetrics;
import dev.pacer.scheduler.system.Ping;
import dev.pacer.scheduler.system.PublicAddress;
import dev.pacer.scheduler.system.SystemService;
import dev.pacer.scheduler.web.Embed;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Marathon's system endpoints: {@code /ping}, {@code /metrics}, {@code /v2/info}, {@code /v2/leader}. */
@RestController
class SystemController {

    private final SystemService system;
    private final MeterRegistry registry;

    SystemController(SystemService system, MeterRegistry registry) {
        this.system = system;
        this.registry = registry;
    }

    /** Marathon's {@code /metrics}: this instance's Micrometer meters in Dropwizard's JSON layout. */
    @GetMapping(ApiPaths.METRICS)
    Map<String, Object> metrics() {
        return MarathonMetrics.of(registry, Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
    }

    /**
     * Marathon's {@code /ping}: {@code pong} as text to anyone who takes text (or says nothing), the JSON
     * string {@code "pong"} to a client that takes only JSON, 204 to one that takes neither; never a 406.
     */
    @GetMapping(ApiPaths.PING)
    ResponseEntity<String> ping(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) List<String> accept) {
        return switch (Ping.answerFor(accept)) {
            case TEXT -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("pong");
            case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("\"pong\"");
            case NONE -> ResponseEntity.noContent().build();
        };
    }

    /** Marathon's keys only; Pacer's {@code pacer_config} with {@code ?embed=pacer}. */
    @GetMapping(ApiPaths.V2_INFO)
    InfoResponse info(@RequestParam(required = false) List<String> embed, HttpServletRequest request) {
        return system.info(Embed.pacer(embed), publicAddress(request));
    }

    /** Behind the gateway: the gateway's address, from the forwarding headers it adds. */
    private static Optional<PublicAddress> publicAddress(HttpServletRequest request) {
        return PublicAddress.forwarded(request.getHeader("X-Forwarded-Host"), request.getHeader("X-Forwarded-Port"),
                request.getHeader("X-Forwarded-Proto"));
    }

    @GetMapping(ApiPaths.V2_LEADER)
    LeaderResponse leader(HttpServletRequest request) {
        String self = system.leaderAddress();   // 503 while this instance has not joined
        return new LeaderResponse(publicAddress(request).map(PublicAddress::authority).orElse(self));
    }

    @DeleteMapping(ApiPaths.V2_LEADER)
    MessageResponse abdicate() {
        system.abdicate();
        return new MessageResponse("Leadership abdicated");
    }
}

package dev.pacer.scheduler.app.web;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.ids.QueuePath;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.app.service.AppInfoWriter;
import dev.pacer.scheduler.app.service.AppTaskService;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.queue.Backoff;
import dev.pacer.scheduler.queue.BackoffStore;
import dev.pacer.scheduler.queue.QueueStore;
import dev.pacer.scheduler.web.Embed;
import dev.pacer.scheduler.work.AppHints;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v2/queue}: apps with tasks waiting to launch, their backoff delay and why placement
 * declined ({@code processedOffersSummary.rejectSummaryLastOffers}: reason → agents that declined).
 * {@code DELETE /v2/queue/{appId}/delay}: resets the launch backoff (204).
 */
@RestController
class QueueController {

    private final QueueStore queue;
    private final BackoffStore backoffs;
    private final AppRepository apps;
    private final AppTaskService tasks;
    private final AppInfoWriter writer;
    private final AppHints hints;
    private final Clock clock;

    QueueController(QueueStore queue, BackoffStore backoffs, AppRepository apps, AppTaskService tasks,
                    AppInfoWriter writer, AppHints hints, Clock clock) {
        this.queue = queue;
        this.backoffs = backoffs;
        this.apps = apps;
        this.tasks = tasks;
        this.writer = writer;
        this.hints = hints;
        this.clock = clock;
    }

    @GetMapping(ApiPaths.V2_QUEUE)
    Map<String, Object> queue(@RequestParam(required = false) List<String> embed) {
        boolean pacer = Embed.pacer(embed);
        Instant now = clock.instant();
        List<Object> entries = new ArrayList<>();
        for (QueueStore.Entry entry : queue.all()) {
            AppId id = AppId.parse(entry.appId());
            apps.find(id).ifPresent(app -> {
                Backoff backoff = backoffs.get(id);
                Map<String, Object> item = new LinkedHashMap<>();
                // Marathon's queue item holds the plain App (its definition); with ?embed=pacer also the counts and
                // the lastTaskFailure that says why its tasks do not start (a missing image, a refused launch) —
                // always on GET /v2/apps/{id}, as in Marathon
                ObjectNode info = pacer
                        ? writer.withPacer(writer.withLastTaskFailure(writer.appInfo(app, tasks.activeTasks(id), false), app), app)
                        : writer.definition(app);
                item.put("app", info);
                item.put("count", entry.count());
                item.put("role", "*");
                item.put("delay", Map.of("timeLeftSeconds", backoff.timeLeft(now).toSeconds(), "overdue", !backoff.delays(now)));
                item.put("since", Timestamp.format(entry.since()));
                List<Map<String, Object>> reasons = new ArrayList<>();
                int processed = entry.declines().values().stream().mapToInt(Integer::intValue).sum();
                entry.declines().forEach((reason, n) -> reasons.add(Map.of("reason", reason, "declined", n, "processed", processed)));
                item.put("processedOffersSummary", Map.of("processedOffersCount", processed, "unusedOffersCount", processed,
                        "rejectSummaryLastOffers", reasons));
                entries.add(item);
            });
        }
        return Map.of("queue", entries);
    }

    @DeleteMapping(ApiPaths.V2_QUEUE + "/**")
    ResponseEntity<Void> resetDelay(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (!uri.startsWith(ApiPaths.V2_QUEUE + "/")) {
            throw ApiException.notFound("Path '%s' does not exist", uri);
        }
        String rest = uri.substring(ApiPaths.V2_QUEUE.length());
        AppId app;
        try {
            // the parser the gateway authorizes with: both read the same app id from the same bytes
            app = QueuePath.delayOf(rest).orElseThrow(() -> ApiException.notFound("Path '%s' does not exist", request.getRequestURI()));
        } catch (InvalidIdException e) {
            throw ApiException.notFound("Application %s not found in tasks queue.", rest);
        }
        ApiException.checkFound(queue.find(app).isPresent() || backoffs.get(app).failures() > 0,
                "Application %s not found in tasks queue.", app);
        backoffs.reset(app);
        hints.publish(app);
        return ResponseEntity.noContent().build();
    }
}

package dev.pacer.scheduler.agent;

import dev.pacer.boot.tls.PacerTls;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AgentClient} over the agent's HTTP API, every call with a timeout. With mutual TLS on, every agent is
 * called over https with the scheduler's certificate (the only identity the agent API lets launch and kill).
 */
public class HttpAgentClient implements AgentClient {

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;
    private final String scheme;

    public HttpAgentClient(JsonMapper json, PacerTls tls, Duration connectTimeout, Duration timeout) {
        this.http = tls.httpClient().connectTimeout(connectTimeout).build();
        this.json = json;
        this.timeout = timeout;
        this.scheme = tls.scheme();
    }

    @Override
    public AgentTask launch(AgentInfo agent, LaunchRequest request) {
        HttpResponse<String> response = send(agent, HttpRequest.newBuilder(uri(agent, ApiPaths.AGENT_TASKS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))));
        if (response.statusCode() / 100 == 4) {
            throw new AgentRefusedException(agent.id(), response.statusCode(), reason(response.body()));
        }
        if (response.statusCode() / 100 != 2) {
            throw new AgentUnreachableException("agent " + agent.id() + " refused task " + request.taskId()
                    + " with HTTP " + response.statusCode());
        }
        return json.readValue(response.body(), AgentTask.class);
    }

    /** The agent's JSON error (message, then each field's problems), at most 400 characters. */
    private String reason(String body) {
        String text;
        try {
            ErrorBody error = json.readValue(body, ErrorBody.class);
            StringBuilder reason = new StringBuilder(String.valueOf(error.message()));
            if (error.details() != null) {
                error.details().forEach(d -> reason.append("; ").append(d.path()).append(": ").append(String.join(", ", d.errors())));
            }
            text = reason.toString();
        } catch (RuntimeException e) {
            text = body == null || body.isBlank() ? "no reason given" : body.strip();
        }
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    @Override
    public Optional<AgentTask> kill(AgentInfo agent, String taskId) {
        HttpResponse<String> response = send(agent, HttpRequest.newBuilder(uri(agent, taskPath(taskId))).DELETE());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            throw new AgentUnreachableException("agent " + agent.id() + " answered HTTP " + response.statusCode()
                    + " to killing " + taskId);
        }
        return Optional.of(json.readValue(response.body(), AgentTask.class));
    }

    @Override
    public List<AgentTask> tasks(AgentInfo agent) {
        HttpResponse<String> response = send(agent, HttpRequest.newBuilder(uri(agent, ApiPaths.AGENT_TASKS)).GET());
        if (response.statusCode() != 200) {
            throw new AgentUnreachableException("agent " + agent.id() + " answered HTTP " + response.statusCode());
        }
        return json.readValue(response.body(), new TypeReference<List<AgentTask>>() { });
    }

    private HttpResponse<String> send(AgentInfo agent, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AgentUnreachableException("agent " + agent.id() + " at " + base(agent) + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentUnreachableException("interrupted calling agent " + agent.id(), e);
        }
    }

    private static String taskPath(String taskId) {
        return ApiPaths.AGENT_TASK.replace("{taskId}", taskId);
    }

    private URI uri(AgentInfo agent, String path) {
        return URI.create(base(agent) + path);
    }

    private String base(AgentInfo agent) {
        return scheme + "://" + agent.host() + ":" + agent.apiPort();
    }
}

package dev.pacer.agent.secrets;

import dev.pacer.boot.tls.PacerTls;
import dev.pacer.contract.ServiceName;
import dev.pacer.contract.secrets.RedeemRequest;
import dev.pacer.contract.secrets.RedeemResponse;
import dev.pacer.contract.secrets.SecretsApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Redeems a grant at secrets-service ({@code POST /api/secrets/_redeem}). */
public class SecretsClient {

    private final Supplier<List<URI>> endpoints;
    private final JsonMapper json;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param endpoints base URLs of secrets-service instances (tried in order)
     * @param tls       the agent's certificate: secrets-service hands values only to {@code agent:<id>} of the grant
     */
    public SecretsClient(Supplier<List<URI>> endpoints, JsonMapper json, Duration timeout, PacerTls tls) {
        this.endpoints = endpoints;
        this.json = json;
        this.timeout = timeout;
        this.http = tls.httpClient().connectTimeout(timeout).build();
    }

    public RedeemResponse redeem(RedeemRequest request) throws IOException {
        List<URI> bases = endpoints.get();
        if (bases.isEmpty()) {
            throw new IOException("no " + ServiceName.SECRETS + " instance known");
        }
        IOException last = null;
        for (URI base : bases) {
            try {
                return redeemAt(base, request);
            } catch (UnreachableException e) {
                last = e;
            }
        }
        throw last;
    }

    private RedeemResponse redeemAt(URI base, RedeemRequest request) throws IOException {
        HttpRequest post = HttpRequest.newBuilder(base.resolve(SecretsApi.REDEEM)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))).build();
        HttpResponse<String> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UnreachableException("secrets-service unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching secrets");
        }
        if (response.statusCode() != 200) {
            throw new IOException("secrets refused (" + response.statusCode() + " " + message(response.body()) + ")");
        }
        try {
            return json.readValue(response.body(), RedeemResponse.class);
        } catch (JacksonException e) {
            throw new IOException("secrets-service answered something else than secrets");
        }
    }

    /** The {@code message} of secrets-service's error body (never a value), or nothing. */
    private String message(String body) {
        try {
            JsonNode node = json.readTree(body);
            String message = node.path("message").asString("");
            return message.length() > 200 ? message.substring(0, 200) : message;
        } catch (JacksonException e) {
            return "";
        }
    }

    static final class UnreachableException extends IOException {
        UnreachableException(String message) {
            super(message);
        }
    }
}

package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ApiPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The shared stack comes up with its users: an anonymous call is refused, the admin's passes. */
class SharedStackSmokeIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theSharedStack_authenticatesItsUsers() throws Exception {
        SharedStack stack = SharedStack.get();
        assertThat(get(stack.gateway(ApiPaths.V2_APPS), null)).isEqualTo(401);
        assertThat(get(stack.gateway(ApiPaths.V2_APPS), SharedStack.ADMIN)).isEqualTo(200);
    }

    private static int get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

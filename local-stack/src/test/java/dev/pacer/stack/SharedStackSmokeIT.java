package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pacer.contract.ApiPaths;
import dev.pacer.testsupport.Http;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The shared stack comes up with its users: an anonymous call is refused, the admin's passes; its
 * internal ports answer the operator's certificate, its probe ports anyone, and its Redis only its ACL user.
 */
class SharedStackSmokeIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theSharedStack_authenticatesItsUsers() throws Exception {
        SharedStack stack = SharedStack.get();
        assertThat(get(stack.gateway(ApiPaths.V2_APPS), null)).isEqualTo(401);
        assertThat(get(stack.gateway(ApiPaths.V2_APPS), SharedStack.ADMIN)).isEqualTo(200);
    }

    @Test
    void theSharedStack_exposesItsInternalPorts_probes_andRedis_toTests() {
        SharedStack stack = SharedStack.get();
        assertThat(stack.internalClient().get(stack.internal(stack.ports().scheduler(), ApiPaths.V2_INFO)).status()).isEqualTo(200);
        assertThat(Http.get(stack.probe(stack.ports().scheduler(), "/readyz")).status()).isEqualTo(200);

        RedisClient withPassword = RedisClient.create(stack.redisUrl());
        try (StatefulRedisConnection<String, String> redis = withPassword.connect()) {
            assertThat(redis.sync().ping()).isEqualTo("PONG");
        } finally {
            withPassword.shutdown();
        }
        RedisClient anonymous = RedisClient.create("redis://127.0.0.1:" + stack.ports().redis());
        try {
            Throwable refused = catchThrowable(() -> {
                try (StatefulRedisConnection<String, String> redis = anonymous.connect()) {
                    redis.sync().get("anything");
                }
            });
            assertThat(refused).as("Redis without its password").isNotNull();
            assertThat(refused.toString() + refused.getCause()).containsAnyOf("NOAUTH", "WRONGPASS", "Authentication");
        } finally {
            anonymous.shutdown();
        }
    }

    private static int get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

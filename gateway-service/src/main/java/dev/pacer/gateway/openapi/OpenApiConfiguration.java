package dev.pacer.gateway.openapi;

import dev.pacer.contract.ApiPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /openapi/pacer.yaml}: the OpenAPI description of Pacer's own endpoints (wire-contract's
 * {@link ApiPaths#OPENAPI_RESOURCE}), answered by the gateway itself, never proxied. Read once at start-up
 * (a build without it does not start). Security ({@code SecurityConfiguration}) lets any authenticated
 * principal read it, whatever its rules: it describes endpoints, not data.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Bean
    RouterFunction<ServerResponse> openApiDocument() {
        byte[] document = read();
        return RouterFunctions.route(RequestPredicates.GET(ApiPaths.OPENAPI),
                request -> ServerResponse.ok().contentType(YAML).bodyValue(document));
    }

    private static byte[] read() {
        InputStream in = OpenApiConfiguration.class.getClassLoader().getResourceAsStream(ApiPaths.OPENAPI_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("no " + ApiPaths.OPENAPI_RESOURCE + " on the classpath (wire-contract)");
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

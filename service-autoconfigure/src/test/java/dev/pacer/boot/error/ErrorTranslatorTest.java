package dev.pacer.boot.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.boot.limits.RequestBodyLimitException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.error.ErrorMessages;
import dev.pacer.contract.ids.InvalidIdException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class ErrorTranslatorTest {

    private final JsonMapper json = JsonMapper.builder().build();

    record Strategy(double minimumHealthCapacity) {
    }

    record App(String id, List<Strategy> strategies) {
    }

    @Test
    void apiException_keepsItsStatusAndBody() {
        ApiError error = ErrorTranslator.translate(ApiException.notFound("App '%s' does not exist", "/x"), "/v2/apps/x");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.body().message()).isEqualTo("App '/x' does not exist");
    }

    @Test
    void anUnreachableService_is503_withoutTheExceptionsText() {
        for (Throwable cause : new Throwable[] {new ConnectException("Connection refused: scheduler-1/10.0.0.7:8081"),
                new NoRouteToHostException("No route to host")}) {
            ApiError error = ErrorTranslator.translate(new IllegalStateException("proxy failed", cause), "/v2/apps");
            assertThat(error.status()).isEqualTo(503);
            assertThat(error.body().message()).isEqualTo(ErrorMessages.UNREACHABLE)
                    .doesNotContain("10.0.0.7");
        }
    }

    @Test
    void unknownPath_is404NamingThePath() {
        ApiError error = ErrorTranslator.translate(new NoResourceFoundException(HttpMethod.GET, "/nope", "nope"), "/nope");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.body().message()).isEqualTo("Path '/nope' does not exist");
    }

    @Test
    void wrongMethod_is405() {
        ApiError error = ErrorTranslator.translate(new HttpRequestMethodNotSupportedException("POST"), "/v2/info");
        assertThat(error.status()).isEqualTo(405);
    }

    @Test
    void wrongTypeDeepInTheBody_namesThePathInMarathonNotation() {
        JacksonException cause = readFailure("{\"id\":\"/a\",\"strategies\":[{\"minimumHealthCapacity\":\"lots\"}]}");
        ApiError error = ErrorTranslator.translate(notReadable(cause), "/v2/apps");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.body().message()).isEqualTo("Invalid JSON");
        assertThat(error.body().details()).containsExactly(
                ErrorDetail.of("/strategies(0)/minimumHealthCapacity", "expected a number"));
    }

    @Test
    void malformedJson_saysWhereButNeverEchoesTheInput() {
        JacksonException cause = readFailure("{\"id\": hunter2-secret}");
        ApiError error = ErrorTranslator.translate(notReadable(cause), "/v2/apps");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.body().details()).singleElement()
                .satisfies(d -> assertThat(d.errors().get(0)).startsWith("malformed JSON at line 1"));
        assertThat(json.writeValueAsString(error.body())).doesNotContain("hunter2");
    }

    @Test
    void unexpectedException_is500WithoutItsMessage() {
        ApiError error = ErrorTranslator.translate(new IllegalStateException("password=hunter2"), "/v2/apps");
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.body().message()).doesNotContain("hunter2");
    }

    @Test
    void detailsAreOmittedFromTheJsonWhenEmpty() {
        assertThat(json.writeValueAsString(ApiException.conflict("exists").body())).isEqualTo("{\"message\":\"exists\"}");
    }

    private JacksonException readFailure(String body) {
        try {
            json.readValue(body, App.class);
        } catch (JacksonException e) {
            return e;
        }
        throw new AssertionError("expected " + body + " to fail");
    }

    private static HttpMessageNotReadableException notReadable(Throwable cause) {
        return new HttpMessageNotReadableException("unreadable", cause,
                new ServletServerHttpRequest(new MockHttpServletRequest()));
    }

    @Test
    void anInvalidIdFromAPath_is422OnTheId_never500() {
        ApiError error = ErrorTranslator.translate(
                new InvalidIdException("must fully match regular expression 'x'"), "/v2/apps/A_B");
        assertThat(error.status()).isEqualTo(422);
        assertThat(error.body().message()).isEqualTo("Object is not valid");
        assertThat(error.body().details()).containsExactly(ErrorDetail.of("/id", "must fully match regular expression 'x'"));
    }

    @Test
    void aBrokenBodyLimit_keepsItsStatus_evenWrappedInAReadError() {
        ApiError error = ErrorTranslator.translate(new HttpMessageNotReadableException(
                "x", new UncheckedIOException(RequestBodyLimitException.tooLarge(10)),
                new ServletServerHttpRequest(new MockHttpServletRequest())), "/v2/apps");
        assertThat(error.status()).isEqualTo(413);
        assertThat(error.body().message()).isEqualTo("Request body is larger than the limit of 10 bytes");
    }
}

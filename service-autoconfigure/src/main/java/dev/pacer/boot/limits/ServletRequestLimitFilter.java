package dev.pacer.boot.limits;

import dev.pacer.contract.error.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request limits on a servlet service: a URI over the length limit is a 414; a declared {@code Content-Length} over the limit is a 413
 * before a byte is read; otherwise the body stream counts what it delivers (a chunked body over the
 * limit fails the read that crosses it) and fails a read after the deadline, or one that times out, as
 * 408. Readers of the body see a {@link RequestBodyLimitException}; the shared error handling answers
 * with its status, and this filter does when the error escapes to it. Either answer closes the
 * connection, so an unread rest of a body is never swallowed.
 */
public final class ServletRequestLimitFilter extends OncePerRequestFilter {

    private final RequestLimitsProperties limits;
    private final JsonMapper json;
    private final Clock clock;

    public ServletRequestLimitFilter(RequestLimitsProperties limits, JsonMapper json, Clock clock) {
        this.limits = limits;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uriTooLong = limits.uriTooLong(request.getRequestURI(), request.getQueryString());
        if (uriTooLong != null) {
            reject(response, 414, uriTooLong);
            return;
        }
        if (limits.isUnlimited(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        BodyBudget budget = new BodyBudget(limits.maxBodySize().toBytes(), limits.bodyReadTimeout(), clock);
        try {
            budget.checkDeclared(request.getContentLengthLong());
        } catch (RequestBodyLimitException e) {
            reject(response, e);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, budget), response);
        } catch (IOException | ServletException | RuntimeException e) {
            RequestBodyLimitException limit = RequestLimits.limitCause(e);
            if (limit == null || response.isCommitted()) {
                throw e;
            }
            reject(response, limit);
        }
    }

    private void reject(HttpServletResponse response, RequestBodyLimitException e) throws IOException {
        reject(response, e.status(), e.getMessage());
    }

    private void reject(HttpServletResponse response, int status, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(ErrorBody.of(message)));
        response.flushBuffer();
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final BodyBudget budget;
        private LimitedInputStream stream;

        LimitedRequest(HttpServletRequest request, BodyBudget budget) {
            super(request);
            this.budget = budget;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), budget);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final BodyBudget budget;

        LimitedInputStream(ServletInputStream in, BodyBudget budget) {
            this.in = in;
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            budget.checkTime();
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                throw timedOutOr(e);
            }
            budget.received(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            budget.checkTime();
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException e) {
                throw timedOutOr(e);
            }
            budget.received(n);
            return n;
        }

        private IOException timedOutOr(IOException e) {
            return e instanceof SocketTimeoutException || budget.remaining().isZero() ? budget.timedOut() : e;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

package dev.pacer.boot.tls;

import dev.pacer.contract.error.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Servlet side of {@link CallerPolicy}: reads the verified client certificate of the request (Tomcat's
 * {@value #CERTIFICATES} attribute), names the caller by its subject's common name, and answers a
 * JSON 403 when the policy refuses it. The identity is kept as the request attribute
 * {@value #IDENTITY} for controllers that check more (e.g. an agent redeeming its own grants).
 */
public class CallerFilter extends OncePerRequestFilter {

    public static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
    public static final String IDENTITY = "dev.pacer.tls.identity";

    private final CallerPolicy policy;
    private final JsonMapper json;

    public CallerFilter(CallerPolicy policy, JsonMapper json) {
        this.policy = policy;
        this.json = json;
    }

    /** The caller's identity, as the filter found it; empty when TLS is off. */
    public static Optional<String> identity(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(IDENTITY));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String identity = Identities.of((X509Certificate[]) request.getAttribute(CERTIFICATES)).orElse(null);
        // the container's decoded and normalised path, as request mappings see it (not the raw URI)
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<String> refusal = policy.refusal(request.getMethod(), path, identity);
        if (refusal.isPresent()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(ErrorBody.of(refusal.get())));
            return;
        }
        request.setAttribute(IDENTITY, identity);
        chain.doFilter(request, response);
    }
}

package dev.pacer.secrets.web;

import dev.pacer.boot.error.ApiException;
import dev.pacer.boot.tls.CallerFilter;
import dev.pacer.boot.tls.Identities;
import dev.pacer.boot.tls.PacerTls;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.secrets.AuditEntry;
import dev.pacer.contract.secrets.RedeemRequest;
import dev.pacer.contract.secrets.RedeemResponse;
import dev.pacer.contract.secrets.SecretMetadata;
import dev.pacer.contract.secrets.SecretVersion;
import dev.pacer.contract.secrets.SecretWrite;
import dev.pacer.contract.secrets.SecretsApi;
import dev.pacer.secrets.SecretService;
import dev.pacer.secrets.audit.AuditLog;
import dev.pacer.secrets.grant.GrantRedeemer;
import dev.pacer.secrets.store.KeyRotation;
import dev.pacer.secrets.store.SecretBackendException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/secrets}: users write, inspect, list and delete secrets by path and read the audit; agents
 * redeem grants. No endpoint but {@code _redeem} ever answers with a value.
 */
@RestController
public class SecretsController {

    private static final Logger log = LoggerFactory.getLogger(SecretsController.class);

    private final SecretService secrets;
    private final GrantRedeemer redeemer;
    private final AuditLog audit;
    private final KeyRotation rotation;
    private final PacerTls tls;

    public SecretsController(SecretService secrets, GrantRedeemer redeemer, AuditLog audit, KeyRotation rotation, PacerTls tls) {
        this.secrets = secrets;
        this.redeemer = redeemer;
        this.audit = audit;
        this.rotation = rotation;
        this.tls = tls;
    }

    @GetMapping(SecretsApi.ROOT)
    public List<SecretMetadata> list(@RequestParam(required = false) String prefix,
                                     @RequestParam(defaultValue = "1000") int limit) {
        return secrets.list(prefix, limit);
    }

    @GetMapping(SecretsApi.AUDIT)
    public List<AuditEntry> audit(@RequestParam(required = false) String path, @RequestParam(required = false) String task,
                                  @RequestParam(required = false) String agent, @RequestParam(defaultValue = "100") int limit) {
        return audit.query(path, task, agent, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping(SecretsApi.VERSIONS + "/**")
    public List<SecretVersion> versions(HttpServletRequest request) {
        return secrets.versions(pathAfter(request, SecretsApi.VERSIONS));
    }

    /**
     * With mutual TLS, the agent is the one its certificate names ({@code agent:<id>}), whatever the body
     * says; without (loopback only), the body's agent id.
     */
    @PostMapping(SecretsApi.REDEEM)
    public RedeemResponse redeem(HttpServletRequest http, @RequestBody RedeemRequest request) {
        if (!tls.enabled()) {
            return redeemer.redeem(request, request.agentId());
        }
        String caller = CallerFilter.identity(http).flatMap(Identities::agentId)
                .orElseThrow(() -> new ApiException(403, ErrorBody.of("Only agents redeem grants")));
        return redeemer.redeem(request, caller);
    }

    @PostMapping(SecretsApi.REWRAP)
    public Map<String, Object> rewrap() {
        return Map.of("rewrapped", rotation.rewrapAll(), "activeKey", rotation.activeKey());
    }

    @PutMapping(SecretsApi.ROOT + "/**")
    public ResponseEntity<SecretMetadata> put(HttpServletRequest request, @RequestBody SecretWrite body) {
        SecretService.Written written = secrets.put(pathAfter(request, SecretsApi.ROOT), body.value());
        return ResponseEntity.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK).body(written.metadata());
    }

    @GetMapping(SecretsApi.ROOT + "/**")
    public SecretMetadata metadata(HttpServletRequest request) {
        return secrets.metadata(pathAfter(request, SecretsApi.ROOT));
    }

    @DeleteMapping(SecretsApi.ROOT + "/**")
    public ResponseEntity<Void> delete(HttpServletRequest request) {
        secrets.delete(pathAfter(request, SecretsApi.ROOT));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(SecretBackendException.class)
    public ResponseEntity<ErrorBody> backendFailed(SecretBackendException e) {
        log.warn("Secret backend failed: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ErrorBody.of("Secret backend unavailable"));
    }

    private static String pathAfter(HttpServletRequest request, String prefix) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (!uri.startsWith(prefix + "/")) {
            throw ApiException.notFound("Not found");
        }
        return uri.substring(prefix.length());
    }
}

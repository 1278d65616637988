package dev.pacer.scheduler.secrets;

import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.SecretDef;
import dev.pacer.contract.secrets.SecretPaths;
import dev.pacer.contract.secrets.SecretPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The app-submission side of the access policy: every {@code secrets.<name>.source} must be a valid secret
 * path the app may use, else a 422 detail on {@code /secrets/<name>/source}.
 */
public final class SecretPolicyRules implements Function<AppDefinition, List<ErrorDetail>> {

    public static final String NOT_ALLOWED = "is not allowed for this app by the secrets access policy (pacer.secrets.policy)";

    private final SecretPolicy policy;

    public SecretPolicyRules(SecretPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<ErrorDetail> apply(AppDefinition app) {
        Map<String, SecretDef> secrets = app.secrets() == null ? Map.of() : app.secrets();
        List<ErrorDetail> details = new ArrayList<>();
        secrets.forEach((name, secret) -> {
            if (secret == null || secret.source() == null || secret.source().isEmpty()) {
                return; // reported by the validator as empty
            }
            String path = "/secrets/" + name + "/source";
            if (!SecretPaths.isValid(secret.source())) {
                details.add(ErrorDetail.of(path, SecretPaths.RULE));
            } else if (app.id() != null && !policy.allows(app.id(), secret.source())) {
                details.add(ErrorDetail.of(path, NOT_ALLOWED));
            }
        });
        return details;
    }
}

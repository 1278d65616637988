package dev.pacer.gateway.authz;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.ids.PathSegments;
import dev.pacer.contract.secrets.SecretPaths;
import dev.pacer.contract.secrets.SecretsApi;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Maps a secrets API request ({@code /api/secrets/**}, raw path) to its {@link Requirement}: a secret's
 * path is authorized like an app id, by prefix ({@code view} to read its metadata and versions,
 * {@code update} to write a version, {@code delete}); the list and the audit are filtered. The agents'
 * {@code _redeem} and the operators' {@code _rewrap} are no user's business: they need {@code update}
 * on {@code /}. A path that is no valid secret path is {@link Requirement#UNREADABLE}.
 */
public final class SecretsClassifier {

    private SecretsClassifier() {
    }

    public static Requirement classify(HttpMethod method, String rawPath) {
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (!rawPath.equals(SecretsApi.ROOT) && !rawPath.startsWith(SecretsApi.ROOT + "/")) {
            return RequestClassifier.operator(read);
        }
        List<String> segments;
        try {
            segments = PathSegments.decode(rawPath.substring(SecretsApi.ROOT.length()));
        } catch (InvalidIdException e) {
            return Requirement.UNREADABLE;
        }
        if (segments.isEmpty()) {
            return read ? Requirement.list(Requirement.ListShape.SECRETS, AppId.ROOT) : RequestClassifier.operator(false);
        }
        String first = segments.get(0);
        if (first.startsWith("_")) {
            if (("/" + first).equals(SecretsApi.AUDIT.substring(SecretsApi.ROOT.length())) && segments.size() == 1 && read) {
                return Requirement.list(Requirement.ListShape.AUDIT, AppId.ROOT);
            }
            if (("/" + first).equals(SecretsApi.VERSIONS.substring(SecretsApi.ROOT.length())) && segments.size() > 1 && read) {
                return secret(Action.VIEW, segments.subList(1, segments.size()));
            }
            // _redeem (agents), _rewrap (operators) and whatever else the API grows
            return RequestClassifier.operator(read && !isAgentOrOperatorOnly(first));
        }
        Action action = read ? Action.VIEW
                : method == HttpMethod.DELETE ? Action.DELETE
                : Action.UPDATE;
        return secret(action, segments);
    }

    private static boolean isAgentOrOperatorOnly(String segment) {
        return ("/" + segment).equals(SecretsApi.REDEEM.substring(SecretsApi.ROOT.length()))
                || ("/" + segment).equals(SecretsApi.REWRAP.substring(SecretsApi.ROOT.length()));
    }

    private static Requirement secret(Action action, List<String> segments) {
        String path = "/" + String.join("/", segments);
        if (!SecretPaths.isValid(path)) {
            return Requirement.UNREADABLE;
        }
        return Requirement.on(action, Resource.secret(path));
    }
}

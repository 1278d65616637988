package dev.pacer.secrets.vault;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Vault backend ({@code pacer.secrets.backend=vault}): Vault's KV v2 engine through Spring Vault.
 * Credentials come from the environment ({@code PACER_SECRETS_VAULT_TOKEN}, {@code ..._APP_ROLE_SECRET_ID}),
 * never from a file in the repository.
 *
 * @param uri            Vault's address, e.g. {@code https://vault:8200}
 * @param authentication {@code token} or {@code approle}
 * @param token          the token ({@code token} authentication)
 * @param appRole        role id, secret id and mount path ({@code approle} authentication)
 * @param mount          the KV v2 mount
 * @param pathPrefix     where under the mount Pacer's secrets live ({@code /prod/db} is {@code <mount>/data/<prefix>/prod/db})
 * @param timeout        connect and read timeout of every call to Vault
 */
@ConfigurationProperties(VaultProperties.PREFIX)
public record VaultProperties(
        URI uri,
        @DefaultValue("token") String authentication,
        String token,
        @DefaultValue AppRole appRole,
        @DefaultValue("secret") String mount,
        @DefaultValue("pacer") String pathPrefix,
        @DefaultValue("5s") Duration timeout) {

    public static final String PREFIX = "pacer.secrets.vault";

    /** @param path the AppRole auth mount ({@code approle}) */
    public record AppRole(String roleId, String secretId, @DefaultValue("approle") String path) {
        @Override
        public String toString() {
            return "AppRole[roleId=" + roleId + ", path=" + path + ", secretId=<redacted>]";
        }
    }

    @Override
    public String toString() {
        return "VaultProperties[uri=" + uri + ", authentication=" + authentication + ", mount=" + mount
                + ", pathPrefix=" + pathPrefix + ", token=<redacted>, appRole=" + appRole + "]";
    }
}

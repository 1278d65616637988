package dev.pacer.secrets.vault;

import java.util.Locale;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.ClientAuthentication;
import org.springframework.vault.authentication.SimpleSessionManager;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.ClientHttpRequestFactoryFactory;
import org.springframework.vault.client.VaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.ClientOptions;
import org.springframework.vault.support.SslConfiguration;

/** Builds the {@link VaultTemplate} for {@link VaultProperties}: token or AppRole authentication. */
public final class VaultClientFactory {

    private VaultClientFactory() {
    }

    public static VaultTemplate template(VaultProperties properties) {
        if (properties.uri() == null) {
            throw new IllegalArgumentException(VaultProperties.PREFIX + ".uri is required for the vault backend");
        }
        VaultEndpoint endpoint = VaultEndpoint.from(properties.uri());
        ClientHttpRequestFactory http = ClientHttpRequestFactoryFactory.create(
                new ClientOptions(properties.timeout(), properties.timeout()), SslConfiguration.unconfigured());
        return new VaultTemplate(endpoint, http, new SimpleSessionManager(authentication(properties, endpoint, http)));
    }

    static ClientAuthentication authentication(VaultProperties properties, VaultEndpoint endpoint, ClientHttpRequestFactory http) {
        switch (properties.authentication().toLowerCase(Locale.ROOT)) {
            case "token" -> {
                if (properties.token() == null || properties.token().isBlank()) {
                    throw new IllegalArgumentException(VaultProperties.PREFIX + ".token is required for token authentication");
                }
                return new TokenAuthentication(properties.token());
            }
            case "approle" -> {
                VaultProperties.AppRole role = properties.appRole();
                if (role == null || role.roleId() == null || role.secretId() == null) {
                    throw new IllegalArgumentException(VaultProperties.PREFIX + ".app-role.role-id and secret-id are required");
                }
                AppRoleAuthenticationOptions options = AppRoleAuthenticationOptions.builder()
                        .path(role.path())
                        .roleId(AppRoleAuthenticationOptions.RoleId.provided(role.roleId()))
                        .secretId(AppRoleAuthenticationOptions.SecretId.provided(role.secretId()))
                        .build();
                return new AppRoleAuthentication(options, VaultClients.createRestTemplate(endpoint, http));
            }
            default -> throw new IllegalArgumentException(VaultProperties.PREFIX + ".authentication must be token or approle");
        }
    }
}

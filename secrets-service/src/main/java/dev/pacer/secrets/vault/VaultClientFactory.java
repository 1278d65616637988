package dev.pacer.secrets.vault;

import java.util.Locale;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.ClientAuthentication;
import org.springframework.vault.authentication.SessionManager;
import org.springframework.vault.authentication.SimpleSessionManager;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.ClientHttpRequestFactoryFactory;
import org.springframework.vault.client.VaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.ClientOptions;
import org.springframework.vault.support.SslConfiguration;

/**
 * Builds the {@link VaultTemplate} for {@link VaultProperties}: token or AppRole authentication; an AppRole
 * session is renewed and logged in again as its token ages ({@link VaultSession}). The template's
 * {@code destroy()} ends the session (the secret store's {@code close()} calls it).
 */
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
        ClientAuthentication authentication = authentication(properties, endpoint, http);
        // a configured token's lifecycle is its owner's (renewing or revoking it is not ours to do); a login's is ours
        SessionManager session = authentication instanceof TokenAuthentication ? new SimpleSessionManager(authentication)
                : new VaultSession(authentication, VaultClients.createRestTemplate(endpoint, http));
        return new SessionOwningTemplate(endpoint, http, session);
    }

    /** A template given its session manager does not end it on destroy (Spring Vault's rule); this one does. */
    private static final class SessionOwningTemplate extends VaultTemplate {

        private final SessionManager session;

        SessionOwningTemplate(VaultEndpoint endpoint, ClientHttpRequestFactory http, SessionManager session) {
            super(endpoint, http, session);
            this.session = session;
        }

        @Override
        public void destroy() throws Exception {
            super.destroy();
            if (session instanceof DisposableBean disposable) {
                disposable.destroy();
            }
        }
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

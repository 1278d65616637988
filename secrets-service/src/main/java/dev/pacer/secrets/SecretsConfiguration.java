package dev.pacer.secrets;

import dev.pacer.contract.secrets.GrantCodec;
import dev.pacer.secrets.audit.AuditLog;
import dev.pacer.secrets.grant.GrantRedeemer;
import dev.pacer.secrets.grant.NonceStore;
import dev.pacer.secrets.store.EmbeddedSecretStore;
import dev.pacer.secrets.store.EnvelopeCipher;
import dev.pacer.secrets.store.KeyRotation;
import dev.pacer.secrets.store.Keyring;
import dev.pacer.secrets.store.MeteredSecretStore;
import dev.pacer.secrets.store.SecretStore;
import dev.pacer.secrets.vault.VaultClientFactory;
import dev.pacer.secrets.vault.VaultProperties;
import dev.pacer.secrets.vault.VaultSecretStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires the backend chosen by {@code pacer.secrets.backend}, the redeemer and the audit. */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretsMetrics secretsMetrics(MeterRegistry registry) {
        return new SecretsMetrics(registry);
    }

    @Bean
    MeteredSecretStore secretStore(SecretsProperties properties, VaultProperties vault, StringRedisTemplate redis,
                                   Clock clock, SecretsMetrics metrics) {
        SecretStore store = switch (properties.backend().toLowerCase(Locale.ROOT)) {
            case "embedded" -> {
                Keyring keyring = Keyring.fromBase64(properties.embedded().keys(), properties.embedded().activeKey());
                log.info("Secrets backend: embedded (AES-256-GCM envelopes in Redis), active key version {}",
                        keyring.activeVersion());
                yield new EmbeddedSecretStore(redis, new EnvelopeCipher(keyring), clock);
            }
            case "vault" -> {
                log.info("Secrets backend: Vault KV v2 at {} (mount {}, prefix {}, {} authentication)", vault.uri(),
                        vault.mount(), vault.pathPrefix(), vault.authentication());
                yield new VaultSecretStore(VaultClientFactory.template(vault), vault.mount(), vault.pathPrefix());
            }
            default -> throw new IllegalArgumentException(SecretsProperties.PREFIX + ".backend must be embedded or vault");
        };
        return new MeteredSecretStore(store, metrics);
    }

    @Bean
    KeyRotation keyRotation(MeteredSecretStore store, SecretsProperties properties) {
        if (store.delegate() instanceof EmbeddedSecretStore embedded) {
            return new KeyRotation(embedded, Keyring.fromBase64(properties.embedded().keys(),
                    properties.embedded().activeKey()).activeVersion());
        }
        return new KeyRotation(null, null);
    }

    /** Re-wraps values under older key versions in the background once the service is up. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> rewrapOnStart(KeyRotation rotation, MeteredSecretStore store,
                                                             SecretsProperties properties) {
        return event -> {
            if (!(store.delegate() instanceof EmbeddedSecretStore) || !properties.embedded().rewrapOnStart()) {
                return;
            }
            Thread worker = new Thread(() -> {
                try {
                    Thread.sleep(properties.embedded().rewrapDelay().toMillis());
                    int changed = rotation.rewrapAll();
                    log.info("Re-wrapped {} stored value(s) under key version {}", changed, rotation.activeKey());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("Re-wrapping stored values failed: {}", e.getClass().getSimpleName());
                }
            }, "pacer-secrets-rewrap");
            worker.setDaemon(true);
            worker.start();
        };
    }

    @Bean
    AuditLog auditLog(StringRedisTemplate redis, Clock clock, SecretsProperties properties) {
        return new AuditLog(redis, clock, properties.auditMaxLength());
    }

    @Bean
    GrantRedeemer grantRedeemer(SecretsProperties properties, StringRedisTemplate redis, MeteredSecretStore store,
                                AuditLog audit, SecretsMetrics metrics, Clock clock) {
        GrantCodec codec = null;
        if (properties.grantKey() == null || properties.grantKey().isBlank()) {
            log.warn("No grant key (pacer.secrets.grant-key / PACER_SECRETS_GRANT_KEY): every grant will be refused");
        } else {
            codec = GrantCodec.fromBase64(properties.grantKey());
        }
        if (properties.secretPolicy().isDefault()) {
            log.info("Secret access policy: default (an app may use the secrets under its own top-level group)");
        }
        return new GrantRedeemer(codec, properties.secretPolicy(), new NonceStore(redis), store, audit, metrics, clock);
    }

    @Bean
    SecretService secretService(MeteredSecretStore store, SecretsProperties properties) {
        return new SecretService(store, properties.maxValueBytes());
    }
}

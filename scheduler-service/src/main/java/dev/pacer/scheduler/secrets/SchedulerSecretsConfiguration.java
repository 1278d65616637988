package dev.pacer.scheduler.secrets;

import dev.pacer.contract.secrets.GrantCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The grant issuer and the policy rules of the scheduler. */
@Configuration(proxyBeanMethods = false)
class SchedulerSecretsConfiguration {

    @Bean
    GrantIssuer grantIssuer(SchedulerSecretsProperties properties, Clock clock, MeterRegistry registry) {
        GrantCodec codec = null;
        if (properties.grantKey() == null || properties.grantKey().isBlank()) {
            LoggerFactory.getLogger(GrantIssuer.class).warn("No grant key (pacer.secrets.grant-key / PACER_SECRETS_GRANT_KEY):"
                    + " tasks of apps with secrets will fail at launch");
        } else {
            codec = GrantCodec.fromBase64(properties.grantKey());
        }
        Counter issued = Counter.builder("pacer.scheduler.secrets.grants").tag("result", "issued")
                .description("Secret grants issued to tasks being launched").register(registry);
        Counter noKey = Counter.builder("pacer.scheduler.secrets.grants").tag("result", "no_key")
                .description("Secret grants issued to tasks being launched").register(registry);
        return new GrantIssuer(codec, properties.grantTtl(), clock, ok -> (ok ? issued : noKey).increment());
    }

    @Bean
    SecretPolicyRules secretPolicyRules(SchedulerSecretsProperties properties) {
        return new SecretPolicyRules(properties.secretPolicy());
    }
}

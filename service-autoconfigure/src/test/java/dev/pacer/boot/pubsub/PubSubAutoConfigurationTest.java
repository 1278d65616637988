package dev.pacer.boot.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

class PubSubAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class));

    @Test
    void aServiceWithRedis_getsPubSubOverOneListenerContainer() {
        RedisConnectionFactory connections = mock(RedisConnectionFactory.class);
        runner.withBean(RedisConnectionFactory.class, () -> connections)
                .withBean(StringRedisTemplate.class, () -> new StringRedisTemplate(connections))
                .run(context -> {
                    assertThat(context).hasSingleBean(PubSub.class);
                    assertThat(context).hasSingleBean(RedisMessageListenerContainer.class);
                    assertThat(context).hasBean("redisMessageListenerContainer");
                });
    }

    @Test
    void aServiceWithoutRedis_getsNone() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(PubSub.class);
            assertThat(context).doesNotHaveBean(RedisMessageListenerContainer.class);
        });
    }

    @Test
    void aContainerTheServiceDeclares_isTheOneUsed() {
        RedisConnectionFactory connections = mock(RedisConnectionFactory.class);
        RedisMessageListenerContainer own = new RedisMessageListenerContainer();
        own.setConnectionFactory(connections);
        runner.withBean(RedisConnectionFactory.class, () -> connections)
                .withBean(StringRedisTemplate.class, () -> new StringRedisTemplate(connections))
                .withBean("ownContainer", RedisMessageListenerContainer.class, () -> own)
                .run(context -> {
                    assertThat(context).hasSingleBean(RedisMessageListenerContainer.class);
                    assertThat(context.getBean(RedisMessageListenerContainer.class)).isSameAs(own);
                    assertThat(context).hasSingleBean(PubSub.class);
                });
    }
}

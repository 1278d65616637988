package dev.pacer.boot.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.health.HealthTransition;
import dev.pacer.contract.ids.AppId;
import dev.pacer.testsupport.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PubSub} as a service gets it (auto-configured over a real Redis): typed both ways, and byte-compatible
 * with services that still publish and subscribe by hand. Each publish is repeated until heard, as a
 * subscription becomes active a moment after it is made.
 */
class PubSubIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("spring.data.redis.url=" + TestRedis.url())
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, PubSubAutoConfiguration.class));

    @Test
    void aJsonMessage_isTheSamePayloadThatHandWrittenPeersSendAndRead() {
        runner.run(context -> {
            PubSub pubSub = context.getBean(PubSub.class);
            StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
            JsonMapper json = context.getBean(JsonMapper.class);
            List<String> raw = rawListener(context.getBean(RedisMessageListenerContainer.class),
                    Channels.HEALTH_TRANSITIONS.name());
            List<HealthTransition> typed = new CopyOnWriteArrayList<>();
            pubSub.subscribe(Channels.HEALTH_TRANSITIONS, typed::add);
            HealthTransition sent = new HealthTransition("/web", "web.t1", 0, "v1", false, 1, false, "refused", 42L);

            await().atMost(WAIT).untilAsserted(() -> {
                pubSub.publish(Channels.HEALTH_TRANSITIONS, sent);
                assertThat(raw).isNotEmpty();
                assertThat(typed).isNotEmpty();
            });
            assertThat(raw.get(0)).isEqualTo(json.writeValueAsString(sent));
            assertThat(typed.get(0)).isEqualTo(sent);

            typed.clear();
            HealthTransition byHand = new HealthTransition("/db", "db.t2", 1, "v2", true, 0, false, null, 43L);
            await().atMost(WAIT).untilAsserted(() -> {
                redis.convertAndSend(Channels.HEALTH_TRANSITIONS.name(), json.writeValueAsString(byHand));
                assertThat(typed).contains(byHand);
            });
        });
    }

    @Test
    void anUndecodablePayload_isDropped_andTheNextMessageStillArrives() {
        Channel<AppId> channel = Channel.text("pacer:test:" + UUID.randomUUID(), AppId.class, AppId::parse);
        runner.run(context -> {
            PubSub pubSub = context.getBean(PubSub.class);
            StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
            List<AppId> heard = new CopyOnWriteArrayList<>();
            pubSub.subscribe(channel, heard::add);

            await().atMost(WAIT).untilAsserted(() -> {
                redis.convertAndSend(channel.name(), "NOT AN ID");
                redis.convertAndSend(channel.name(), "/team/web");
                assertThat(heard).isNotEmpty();
            });
            assertThat(heard).containsOnly(AppId.parse("/team/web"));
        });
    }

    @Test
    void aCancelledSubscription_hearsNothingMore_whileOthersOnTheChannelDo() {
        Channel<String> channel = Channel.text("pacer:test:" + UUID.randomUUID());
        runner.run(context -> {
            PubSub pubSub = context.getBean(PubSub.class);
            List<String> cancelled = new CopyOnWriteArrayList<>();
            List<String> kept = new CopyOnWriteArrayList<>();
            Subscription subscription = pubSub.subscribe(channel, cancelled::add);
            pubSub.subscribe(channel, kept::add);
            await().atMost(WAIT).untilAsserted(() -> {
                pubSub.publish(channel, "before");
                assertThat(cancelled).isNotEmpty();
            });

            subscription.cancel();
            subscription.cancel();
            int heardBefore = cancelled.size();
            kept.clear();
            await().atMost(WAIT).untilAsserted(() -> {
                pubSub.publish(channel, "after");
                assertThat(kept).contains("after");
            });
            assertThat(cancelled).hasSize(heardBefore).doesNotContain("after");
        });
    }

    @Test
    void theLastCancel_unsubscribesTheChannel() {
        Channel<String> channel = Channel.text("pacer:test:" + UUID.randomUUID());
        runner.run(context -> {
            PubSub pubSub = context.getBean(PubSub.class);
            List<String> heard = new CopyOnWriteArrayList<>();
            Subscription subscription = pubSub.subscribe(channel, heard::add);
            await().atMost(WAIT).untilAsserted(() -> {
                pubSub.publish(channel, "before");
                assertThat(heard).isNotEmpty();
            });

            subscription.cancel();
            List<String> sentinel = rawListener(context.getBean(RedisMessageListenerContainer.class), channel.name());
            int heardBefore = heard.size();
            await().atMost(WAIT).untilAsserted(() -> {
                pubSub.publish(channel, "after");
                assertThat(sentinel).contains("after");
            });
            assertThat(heard).hasSize(heardBefore);
        });
    }

    private static List<String> rawListener(RedisMessageListenerContainer container, String channel) {
        List<String> raw = new CopyOnWriteArrayList<>();
        container.addMessageListener((message, pattern) -> raw.add(new String(message.getBody(), StandardCharsets.UTF_8)),
                ChannelTopic.of(channel));
        return raw;
    }
}

package dev.pacer.boot.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.cluster.MemberAnnouncement;
import dev.pacer.contract.discovery.AppDiscovery;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthTransition;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The payloads stay what services of every version send and read: ids as text, the rest as the same JSON. */
class ChannelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void channelNames_areTheWireContractConstants() {
        assertThat(Channels.MEMBERSHIP.name()).isEqualTo(RedisKeys.MEMBERSHIP_CHANNEL);
        assertThat(Channels.HEALTH_TRANSITIONS.name()).isEqualTo(HealthKeys.TRANSITIONS);
        assertThat(Channels.APP_HINTS.name()).isEqualTo(RedisKeys.APP_HINTS);
        assertThat(Channels.TRAFFIC.name()).isEqualTo(RedisKeys.TRAFFIC);
        assertThat(Channels.INSTANCE_CHANGES.name()).isEqualTo(AppDiscovery.INSTANCE_CHANGES);
    }

    @Test
    void appIds_travelAsTheirPlainText() {
        assertThat(Channels.APP_HINTS.encode(AppId.parse("/team/web"), JSON)).isEqualTo("/team/web");
        assertThat(Channels.TRAFFIC.decode(bytes("/team/web"), JSON)).isEqualTo(AppId.parse("/team/web"));
        assertThatThrownBy(() -> Channels.APP_HINTS.decode(bytes("Not An Id"), JSON))
                .isInstanceOf(InvalidIdException.class);
    }

    @Test
    void plainStrings_travelUnchanged() {
        Channel<String> channel = Channel.text("pacer:test");
        assertThat(channel.encode("a b/ü", JSON)).isEqualTo("a b/ü");
        assertThat(channel.decode(bytes("a b/ü"), JSON)).isEqualTo("a b/ü");
        assertThat(channel.isJson()).isFalse();
    }

    @Test
    void jsonMessages_areTheRecordsJson_andReadBackFromIt() {
        HealthTransition transition = new HealthTransition("/web", "web.t1", 0, "2026-01-01T00:00:00.000Z", false, 3,
                true, "connection refused", 1700000000000L);
        String payload = Channels.HEALTH_TRANSITIONS.encode(transition, JSON);

        assertThat(payload).isEqualTo(JSON.writeValueAsString(transition));
        assertThat(Channels.HEALTH_TRANSITIONS.decode(bytes(payload), JSON)).isEqualTo(transition);
    }

    @Test
    void aMembershipAnnouncementOfAnEarlierVersion_isRead() {
        String sent = "{\"service\":\"health\",\"instanceId\":\"h:1/a\",\"address\":\"h:1\",\"state\":\"LEAVING\","
                + "\"leaseExpiresAt\":5}";

        assertThat(Channels.MEMBERSHIP.decode(bytes(sent), JSON))
                .isEqualTo(new MemberAnnouncement("health", "h:1/a", "h:1", MemberAnnouncement.State.LEAVING, 5));
    }

    @Test
    void aPayloadThatIsNoMessage_throws() {
        assertThatThrownBy(() -> Channels.MEMBERSHIP.decode(bytes("{\"service\":"), JSON))
                .isInstanceOf(RuntimeException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

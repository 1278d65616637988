package dev.pacer.boot.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pacer.contract.ids.AppId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.DefaultMessage;
import tools.jackson.databind.json.JsonMapper;

class ChannelListenerTest {

    private final ChannelListener<AppId> listener = new ChannelListener<>(Channels.APP_HINTS, JsonMapper.builder().build());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PubSub.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    @Test
    void aPayloadThatIsNoMessage_isLoggedOnceWithoutItsContent_andReachesNoHandler() {
        List<AppId> first = new ArrayList<>();
        List<AppId> second = new ArrayList<>();
        listener.add(first::add);
        listener.add(second::add);

        listener.onMessage(message("secret=Hunter2 is no id"), null);

        assertThat(first).isEmpty();
        assertThat(second).isEmpty();
        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains(Channels.APP_HINTS.name(), "AppId")
                    .doesNotContain("Hunter2");
        });
    }

    @Test
    void aFailingHandler_isLogged_andTheOthersStillGetTheMessage() {
        List<AppId> heard = new ArrayList<>();
        listener.add(app -> {
            throw new IllegalStateException("boom");
        });
        listener.add(heard::add);

        listener.onMessage(message("/web"), null);

        assertThat(heard).containsExactly(AppId.parse("/web"));
        assertThat(logs.list).singleElement().satisfies(event -> assertThat(event.getLevel()).isEqualTo(Level.WARN));
    }

    @Test
    void aRemovedHandler_hearsNothingMore_andTheLastRemovalSaysSo() {
        List<AppId> heard = new ArrayList<>();
        var kept = listener.add(heard::add);
        var removed = listener.add(heard::add);

        assertThat(listener.remove(removed)).isFalse();
        listener.onMessage(message("/web"), null);
        assertThat(heard).hasSize(1);
        assertThat(listener.remove(kept)).isTrue();
    }

    private static DefaultMessage message(String payload) {
        return new DefaultMessage(Channels.APP_HINTS.name().getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.pacer.scheduler.work;

import dev.pacer.boot.pubsub.Channels;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.contract.ids.AppId;

/** {@link AppHints} over Redis pub/sub: published on {@link Channels#APP_HINTS}, heard by every scheduler instance. */
public class RedisAppHints implements AppHints {

    private final PubSub pubSub;

    public RedisAppHints(PubSub pubSub) {
        this.pubSub = pubSub;
    }

    @Override
    public void publish(AppId app) {
        pubSub.publish(Channels.APP_HINTS, app);
    }
}

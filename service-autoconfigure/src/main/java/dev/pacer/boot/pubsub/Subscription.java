package dev.pacer.boot.pubsub;

/** What {@link PubSub#subscribe} answers: cancelling it stops that handler's messages (idempotent). */
@FunctionalInterface
public interface Subscription {

    void cancel();
}

package dev.pacer.scheduler.reconcile;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first {@code max} bytes of an answer and stops reading there (cancels the rest), so that
 * neither a huge nor an endless body of a task costs the scheduler more than {@code max} bytes or
 * holds its connection past the probe.
 */
final class FirstBytes implements HttpResponse.BodySubscriber<String> {

    private final int max;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    FirstBytes(int max) {
        this.max = max;
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int n = Math.min(buffer.remaining(), max - kept.size());
            byte[] bytes = new byte[n];
            buffer.get(bytes);
            kept.write(bytes, 0, n);
        }
        if (kept.size() >= max) {
            cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        finish();
    }

    @Override
    public void onComplete() {
        finish();
    }

    /** Stops reading; the body is what was kept so far. */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        finish();
    }

    private void finish() {
        result.complete(new String(kept.toByteArray(), StandardCharsets.UTF_8));
    }
}

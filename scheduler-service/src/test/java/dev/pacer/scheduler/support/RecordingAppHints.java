package dev.pacer.scheduler.support;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.work.AppHints;
import java.util.ArrayList;
import java.util.List;

/** {@link AppHints} that remembers what was published instead of telling other instances. */
public final class RecordingAppHints implements AppHints {

    private final List<AppId> published = new ArrayList<>();

    @Override
    public synchronized void publish(AppId app) {
        published.add(app);
    }

    public synchronized List<AppId> published() {
        return List.copyOf(published);
    }

    public synchronized void clear() {
        published.clear();
    }
}

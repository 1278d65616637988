package dev.pacer.bench;

import dev.pacer.contract.ApiPaths;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code GET /v2/apps}, the one API call that reads every app on purpose: it is expected to grow with
 * the store, so it is not a measured op, only probed a few times per size for the notes.
 */
final class ListProbe {

    private ListProbe() {
    }

    static String probe(MarathonClient client, int times) {
        long[] nanos = new long[times];
        long bytes = 0;
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            MarathonClient.Response response = client.get(ApiPaths.V2_APPS);
            nanos[i] = System.nanoTime() - t0;
            if (!response.ok()) {
                return "GET /v2/apps -> " + response.summary();
            }
            bytes = response.body().length();
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "GET /v2/apps (the full list, O(N) by design): median of %d = %.0f ms, %.1f MiB",
                times, nanos[(times - 1) / 2] / 1e6, bytes / 1024.0 / 1024.0);
    }
}

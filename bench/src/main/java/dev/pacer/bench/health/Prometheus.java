package dev.pacer.bench.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sums of Prometheus samples scraped from a service's {@code /actuator/prometheus}. */
final class Prometheus {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String text;

    private Prometheus(String text) {
        this.text = text;
    }

    static Prometheus scrape(String baseUrl) {
        try {
            return new Prometheus(CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            return new Prometheus("");
        }
    }

    /** Sum of every sample of {@code metric} whose labels contain every one of {@code labels} (e.g. {@code result="healthy"}). */
    double sum(String metric, String... labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(metric + "{") || line.startsWith(metric + " "))) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}

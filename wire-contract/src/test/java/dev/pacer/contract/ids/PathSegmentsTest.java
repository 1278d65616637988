package dev.pacer.contract.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathSegmentsTest {

    @Test
    void segmentsAreSplitThenDecoded_emptyOnesDropped() {
        assertThat(PathSegments.decode("//te%61m/web/")).containsExactly("team", "web");
        assertThat(PathSegments.decode("/versions/2026-01-01T00%3A00%3A00.000Z")).containsExactly("versions", "2026-01-01T00:00:00.000Z");
        assertThat(PathSegments.decode("")).isEmpty();
        assertThat(PathSegments.decode("/caf%C3%A9")).containsExactly("café");
    }

    @Test
    void unreadableSegments_makeThePathInvalid() {
        for (String raw : List.of("/a%2Fb", "/a%2fb", "/%2e%2e", "/..", "/.", "/%2E", "/a%5Cb", "/a\\b", "/a%00", "/a%0a",
                "/a%7F", "/a%", "/a%4", "/a%zz", "/%C0%AF", "/%FF", "/%E2%82")) {
            assertThatThrownBy(() -> PathSegments.decode(raw)).as(raw).isInstanceOf(InvalidIdException.class);
        }
    }

    @Test
    void dotsInsideASegment_stay() {
        assertThat(PathSegments.decode("/a.b/..c/c..")).containsExactly("a.b", "..c", "c..");
    }
}

package dev.pacer.scheduler.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

    private final Map<String, String> web = Map.of("env", "prod", "tier", "frontend", "a.b", "x y");

    @Test
    void existence_equality_andInequality() {
        assertThat(LabelSelector.parse("env").test(web)).isTrue();
        assertThat(LabelSelector.parse("missing").test(web)).isFalse();
        assertThat(LabelSelector.parse("env==prod").test(web)).isTrue();
        assertThat(LabelSelector.parse("env == dev").test(web)).isFalse();
        assertThat(LabelSelector.parse("env!=dev").test(web)).isTrue();
        assertThat(LabelSelector.parse("missing!=dev").test(web)).isFalse();
    }

    @Test
    void theEmptySelector_hasNoTerms_andMatchesEveryApp() {
        assertThat(LabelSelector.parse("").test(web)).isTrue();
        assertThat(LabelSelector.parse(" ").test(Map.of())).isTrue();
    }

    @Test
    void setMembership() {
        assertThat(LabelSelector.parse("env in (dev, prod)").test(web)).isTrue();
        assertThat(LabelSelector.parse("env notin (dev, prod)").test(web)).isFalse();
        assertThat(LabelSelector.parse("missing notin (dev)").test(web)).isFalse();
    }

    @Test
    void everyTermMustHold() {
        assertThat(LabelSelector.parse("env==prod, tier in (frontend)").test(web)).isTrue();
        assertThat(LabelSelector.parse("env==prod,tier==backend").test(web)).isFalse();
    }

    @Test
    void escapedCharacters_areLiteral() {
        assertThat(LabelSelector.parse("a.b==x\\ y").test(web)).isTrue();
    }

    @Test
    void garbage_isRejectedWithMarathonsMessage() {
        assertThatThrownBy(() -> LabelSelector.parse("env==pr od")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Can not parse label selector");
    }
}

package dev.pacer.contract.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueuePathTest {

    @Test
    void delay_namesTheAppBeforeIt() {
        assertThat(QueuePath.delayOf("//te%61m/web/delay")).contains(AppId.parse("/team/web"));
        assertThat(QueuePath.delayOf("/team/web")).isEmpty();
        assertThat(QueuePath.delayOf("/delay")).isEmpty();
        assertThatThrownBy(() -> QueuePath.delayOf("/Team/delay")).isInstanceOf(InvalidIdException.class);
    }
}

package dev.pacer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {

    @Test
    void theIdsAreInTheMdcDuringTheWork_andGoneAfter() {
        String seen = LogContext.withApp(AppId.parse("/team/web"), () -> MDC.get(LogContext.APP_ID));
        assertThat(seen).isEqualTo("/team/web");
        assertThat(MDC.get(LogContext.APP_ID)).isNull();

        List<String> during = new ArrayList<>();
        LogContext.withTask(AppId.parse("/team/web"), "team_web.1234", () -> {
            during.add(MDC.get(LogContext.APP_ID));
            during.add(MDC.get(LogContext.TASK_ID));
        });
        assertThat(during).containsExactly("/team/web", "team_web.1234");
        assertThat(MDC.get(LogContext.TASK_ID)).isNull();
    }
}

package dev.pacer.boot.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * When started by the local-stack launcher ({@code pacer.parent-pid} set), the service closes itself
 * as soon as the launcher's process is gone, whatever killed it: no orphan survives a
 * {@code kill -9} of the launcher.
 */
@AutoConfiguration
@ConditionalOnProperty("pacer.parent-pid")
public class ExitWithParentAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExitWithParentAutoConfiguration.class);

    @Bean
    ApplicationListener<ApplicationReadyEvent> exitWithParent(@Value("${pacer.parent-pid}") long parentPid) {
        return event -> {
            ConfigurableApplicationContext context = event.getApplicationContext();
            ProcessHandle.of(parentPid).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> {
                        log.warn("Parent process {} is gone; shutting down", parentPid);
                        System.exit(SpringApplication.exit(context, () -> 0));
                    }),
                    () -> {
                        log.warn("Parent process {} is already gone; shutting down", parentPid);
                        System.exit(SpringApplication.exit(context, () -> 0));
                    });
        };
    }
}

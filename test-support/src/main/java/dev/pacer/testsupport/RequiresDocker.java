package dev.pacer.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class (or method) that needs a Docker engine and, optionally, local images. Evaluated before any
 * {@code @BeforeAll} or Testcontainers start-up: on a developer machine without them every test is reported
 * skipped with the reason; with {@code PACER_CI=1} the class fails instead. See {@link DockerEngine}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerEngine.Gate.class)
public @interface RequiresDocker {

    /** Local images the test runs, e.g. {@code pacer/redis:7}; built by {@code containers/build-images.sh}. */
    String[] images() default {};

    /**
     * Why a missing image is acceptable even in CI (an image that cannot be built without a public registry).
     * Empty (the default): a missing image fails the test in CI. Set: the test runs where the image exists and is
     * skipped elsewhere, in CI too, with this reason. Never set it for an image {@code build-images.sh} builds.
     */
    String missingImageAllowedBecause() default "";
}

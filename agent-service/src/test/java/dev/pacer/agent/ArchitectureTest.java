package dev.pacer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.pacer.testsupport.architecture.ArchitectureRules;

/**
 * The layering rules of agent-service, on its main classes (test-support {@link ArchitectureRules}). Its feature
 * packages still need each other in a few cycles (configurations take other packages' beans: node, task,
 * isolation, secrets): until they are untangled, their number is a ratchet — it may only go down.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "dev.pacer.agent";
    /** Cycles between feature packages (packages that need each other), as ArchUnit counts them (2026-12-03). */
    static final int CYCLES_TODAY = 4;

    @ArchTest
    static final ArchRule controllersAreTheTop = ArchitectureRules.controllersAreTheTop(ROOT);

    @ArchTest
    static final ArchRule logsThroughSlf4j = ArchitectureRules.logsThroughSlf4j();

    @ArchTest
    static final ArchRule importsNoOtherService = ArchitectureRules.importsNoOtherService(ROOT);

    @ArchTest
    static void featurePackageCycles_onlyGoDown(JavaClasses classes) {
        assertThat(ArchitectureRules.featurePackageCycles(classes, ROOT))
                .as("cycles between the agent's feature packages (lower CYCLES_TODAY when it drops)")
                .isLessThanOrEqualTo(CYCLES_TODAY);
    }
}

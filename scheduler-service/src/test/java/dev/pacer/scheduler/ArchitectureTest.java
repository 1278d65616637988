package dev.pacer.scheduler;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.pacer.testsupport.architecture.ArchitectureRules;

/**
 * The layering rules of scheduler-service, on its main classes (test-support {@link ArchitectureRules}): no cycle
 * between its feature packages (75 before issue 17 moved the shared types out of reconcile/ and gave each
 * feature its own configuration), controllers on top, SLF4J only, no other service imported.
 */
@AnalyzeClasses(packages = "dev.pacer.scheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static void layering(JavaClasses classes) {
        ArchitectureRules.check(classes, "dev.pacer.scheduler", 0);
    }
}

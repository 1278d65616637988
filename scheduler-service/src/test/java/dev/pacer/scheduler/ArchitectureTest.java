package dev.pacer.scheduler;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.pacer.testsupport.architecture.ArchitectureRules;

/** The layering rules of scheduler-service, on its main classes (test-support {@link ArchitectureRules}).
 * 75 cycles are left (issue 17: shared types in reconcile/, configurations building other packages' beans):
 * a ratchet that may only go down.
 */
@AnalyzeClasses(packages = "dev.pacer.scheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static void layering(JavaClasses classes) {
        ArchitectureRules.check(classes, "dev.pacer.scheduler", 75);
    }
}

package dev.pacer.health;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.pacer.testsupport.architecture.ArchitectureRules;

/** The layering rules of health-service, on its main classes (test-support {@link ArchitectureRules}). */
@AnalyzeClasses(packages = "dev.pacer.health", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static void layering(JavaClasses classes) {
        ArchitectureRules.check(classes, "dev.pacer.health", 0);
    }
}

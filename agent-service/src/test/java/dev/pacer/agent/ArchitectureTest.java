package dev.pacer.agent;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.pacer.testsupport.architecture.ArchitectureRules;

/** The layering rules of agent-service, on its main classes (test-support {@link ArchitectureRules}).
 * Four cycles are left (configurations take other packages' beans: node, task, isolation, secrets):
 * a ratchet that may only go down.
 */
@AnalyzeClasses(packages = "dev.pacer.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static void layering(JavaClasses classes) {
        ArchitectureRules.check(classes, "dev.pacer.agent", 4);
    }
}

package dev.pacer.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.pacer.testsupport.architecture.ArchitectureRules;

/** The layering rules of gateway-service, on its main classes (test-support {@link ArchitectureRules}).
 * One cycle is left (authz reads security's principal, security's chain installs authz's filter):
 * a ratchet that may only go down.
 */
@AnalyzeClasses(packages = "dev.pacer.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static void layering(JavaClasses classes) {
        ArchitectureRules.check(classes, "dev.pacer.gateway", 1);
    }
}

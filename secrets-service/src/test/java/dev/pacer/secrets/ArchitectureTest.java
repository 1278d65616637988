package dev.pacer.secrets;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.pacer.testsupport.architecture.ArchitectureRules;

/** The layering rules of secrets-service, on its main classes (test-support {@link ArchitectureRules}). */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "dev.pacer.secrets";

    @ArchTest
    static final ArchRule featurePackagesFormNoCycle = ArchitectureRules.featurePackagesFormNoCycle(ROOT);

    @ArchTest
    static final ArchRule controllersAreTheTop = ArchitectureRules.controllersAreTheTop(ROOT);

    @ArchTest
    static final ArchRule logsThroughSlf4j = ArchitectureRules.logsThroughSlf4j();

    @ArchTest
    static final ArchRule importsNoOtherService = ArchitectureRules.importsNoOtherService(ROOT);
}

package dev.pacer.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.stream.Stream;

/**
 * The layering rules every Pacer module states in its {@code ArchitectureTest} (ArchUnit, on the module's main
 * classes): a back-pointing import fails the build instead of waiting for a reviewer.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /**
     * The feature packages directly under {@code root} ({@code dev.pacer.gateway.route}, {@code .events}, …) import
     * each other in one direction only: no two of them need each other.
     */
    public static ArchRule featurePackagesFormNoCycle(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true)
                .as("the feature packages of " + root + " import each other in one direction only");
    }

    /**
     * How many cycles ArchUnit finds between the feature packages under {@code root} (what
     * {@link #featurePackagesFormNoCycle} reports), printed: a module that has cycles still keeps this number as a
     * ratchet that may only go down.
     */
    public static int featurePackageCycles(JavaClasses classes, String root) {
        int cycles = featurePackagesFormNoCycle(root).evaluate(classes).getFailureReport().getDetails().size();
        System.out.printf("[architecture] %s: %d cycles between feature packages%n", root, cycles);
        return cycles;
    }

    /** HTTP controllers ({@code ..web..}) are the top: nothing but other controllers imports them. */
    public static ArchRule controllersAreTheTop(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + "..web..")
                .should().dependOnClassesThat().resideInAPackage(root + "..web..")
                .as("nothing under " + root + " outside ..web.. imports a controller");
    }

    /** Logs go through SLF4J: no {@code System.out}/{@code err}, no {@code java.util.logging}. */
    public static ArchRule logsThroughSlf4j() {
        return CompositeArchRule.of(GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS)
                .and(GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING);
    }

    /** Services talk to each other over HTTP and Redis: no service imports another service's code. */
    public static ArchRule importsNoOtherService(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage(otherServices(root))
                .as(root + " imports no other service (only wire-contract and service-autoconfigure)");
    }

    private static String[] otherServices(String root) {
        return Stream.of("dev.pacer.gateway..", "dev.pacer.scheduler..", "dev.pacer.secrets..",
                        "dev.pacer.health..", "dev.pacer.agent..", "dev.pacer.discovery..")
                .filter(p -> !p.startsWith(root + "."))
                .toArray(String[]::new);
    }

    /**
     * Every rule above on a module's main classes, as its {@code ArchitectureTest} states them: cycles between
     * feature packages at most {@code cyclesAllowed} (0 where there are none; elsewhere a ratchet that may only
     * go down), controllers on top, SLF4J only, no other service imported.
     */
    public static void check(JavaClasses classes, String root, int cyclesAllowed) {
        int cycles = featurePackageCycles(classes, root);
        if (cycles > cyclesAllowed) {
            throw new AssertionError(cycles + " cycles between the feature packages of " + root + ", at most "
                    + cyclesAllowed + " allowed:\n" + featurePackagesFormNoCycle(root).evaluate(classes).getFailureReport());
        }
        controllersAreTheTop(root).check(classes);
        logsThroughSlf4j().check(classes);
        importsNoOtherService(root).check(classes);
    }
}

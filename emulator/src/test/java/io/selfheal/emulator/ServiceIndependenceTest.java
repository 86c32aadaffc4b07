package io.selfheal.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Services never import each other: what one needs of another travels over the internal bus as a typed message
 * ({@code messages}), so a service can be added, removed or replaced alone. The shared layers ({@code core},
 * {@code protocol}, {@code service}, {@code messages}, {@code http}) know no service.
 */
@AnalyzeClasses(packages = "io.selfheal.emulator", importOptions = {ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class})
class ServiceIndependenceTest {

    @ArchTest
    static final ArchRule servicesDoNotImportEachOther = slices()
            .matching("io.selfheal.emulator.services.(*)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule sharedLayersKnowNoService = noClasses()
            .that().resideInAnyPackage("io.selfheal.emulator.core..", "io.selfheal.emulator.protocol..",
                    "io.selfheal.emulator.service..", "io.selfheal.emulator.messages..", "io.selfheal.emulator.http..",
                    "io.selfheal.emulator.frontdoor..")
            .should().dependOnClassesThat().resideInAPackage("io.selfheal.emulator.services..");
}

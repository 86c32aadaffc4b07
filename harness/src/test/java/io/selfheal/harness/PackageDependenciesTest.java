package io.selfheal.harness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The harness's packages form layers: {@code yaml} and {@code backend} at the bottom, then {@code stack}, then the
 * faults ({@code steps}) and outcomes ({@code expect}), the {@code scenario} model and loader, the {@code engine},
 * and its users ({@code junit}, {@code cli}, {@code dsl}, {@code report}). A cycle would make each layer need all.
 */
@AnalyzeClasses(packages = "io.selfheal.harness", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class PackageDependenciesTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.selfheal.harness.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule faultsAndOutcomesSeeTheRunThroughTheirContexts = noClasses()
            .that().resideInAnyPackage("io.selfheal.harness.steps..", "io.selfheal.harness.expect..")
            .should().dependOnClassesThat().resideInAnyPackage("io.selfheal.harness.engine..",
                    "io.selfheal.harness.scenario..");

    @ArchTest
    static final ArchRule stackKindsKnowNothingOfFaultsOutcomesOrTheEngine = noClasses()
            .that().resideInAPackage("io.selfheal.harness.stack..")
            .should().dependOnClassesThat().resideInAnyPackage("io.selfheal.harness.steps..",
                    "io.selfheal.harness.expect..", "io.selfheal.harness.scenario..", "io.selfheal.harness.engine..");
}

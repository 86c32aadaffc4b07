package io.selfheal.emulator.services.config;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.service.Operations;
import io.selfheal.emulator.service.ResourceArns;

/**
 * The rules half of AWS Config: rules, their evaluation, compliance and remediation configurations. It reads the
 * recording half only through {@link ConfigurationItems} and {@link RecorderRole}. Operations on named rules
 * authorize against their {@code config-rule} ARNs ({@link ConfigRuleArns}); the others support no resource-level
 * permissions and authorize against {@code *}, as the Service Authorization Reference lists them. Remediation
 * configurations are still authorized against {@code *}.
 */
final class ConfigRules {
    private final RegionalStore<RulesRegion> store = new RegionalStore<>(RulesRegion::new);
    private final PeriodicRuns periodic;
    private final RuleEvaluator evaluator;
    private final EmulatorContext context;
    private final RecorderRole recorders;
    private final ComplianceLedger ledger;

    ConfigRules(EmulatorContext context, ConfigurationItems items, RecorderRole recorders) {
        this.context = context;
        this.recorders = recorders;
        this.ledger = new ComplianceLedger(context);
        this.evaluator = new RuleEvaluator(context, store, items, ledger, new CustomRuleInvoker(context, recorders));
        this.periodic = new PeriodicRuns(context.clock(), evaluator);
        items.onChange(evaluator::changed);
    }

    void register(Operations operations) {
        ConfigRuleOperations rules = new ConfigRuleOperations(context, store, recorders, evaluator, periodic);
        operations.add(write("PutConfigRule", rules::put).resources(ConfigRuleArns.named(store, "/ConfigRule/ConfigRuleName")).blocking());
        operations.add(read("DescribeConfigRules", rules::describe)
                .resources(ConfigRuleArns.named(store, "/ConfigRuleNames")));
        operations.add(write("DeleteConfigRule", rules::delete)
                .resources(ConfigRuleArns.named(store, "/ConfigRuleName")));
        operations.add(write("StartConfigRulesEvaluation", rules::startEvaluation)
                .resources(ConfigRuleArns.named(store, "/ConfigRuleNames"))
                .blocking());
        operations.add(read("DescribeConfigRuleEvaluationStatus", rules::evaluationStatus)
                .resources(ConfigRuleArns.named(store, "/ConfigRuleNames")));
        EvaluationOperations evaluations = new EvaluationOperations(store, ledger, context.clock());
        operations.add(write("PutEvaluations", evaluations::put).resources(ResourceArns.ANY));
        operations.add(write("PutExternalEvaluation", evaluations::putExternal)
                .resources(ConfigRuleArns.named(store, "/ConfigRuleName")));
        ComplianceOperations compliance = new ComplianceOperations(store, context.clock());
        operations.add(read("DescribeComplianceByConfigRule", compliance::byConfigRule)
                .resources(ConfigRuleArns.named(store, "/ConfigRuleNames")));
        operations.add(read("DescribeComplianceByResource", compliance::byResource).resources(ResourceArns.ANY));
        operations.add(read("GetComplianceDetailsByConfigRule", compliance::detailsByConfigRule)
                .resources(ConfigRuleArns.named(store, "/ConfigRuleName")));
        operations.add(read("GetComplianceDetailsByResource", compliance::detailsByResource)
                .resources(ResourceArns.ANY));
        operations.add(read("GetComplianceSummaryByConfigRule", compliance::summaryByConfigRule)
                .resources(ResourceArns.ANY));
        operations.add(read("GetComplianceSummaryByResourceType", compliance::summaryByResourceType)
                .resources(ResourceArns.ANY));
        RemediationOperations remediation = new RemediationOperations(context, store);
        operations.add(write("PutRemediationConfigurations", remediation::put).resources(ResourceArns.ANY));
        operations.add(read("DescribeRemediationConfigurations", remediation::describe)
                .resources(ResourceArns.ANY));
        operations.add(write("DeleteRemediationConfiguration", remediation::delete).resources(ResourceArns.ANY));
        operations.add(write("StartRemediationExecution", remediation::start).resources(ResourceArns.ANY));
        operations.add(read("DescribeRemediationExecutionStatus", remediation::executionStatus)
                .resources(ResourceArns.ANY));
    }

    /** Forgets every rule and stops their periodic runs. */
    void reset() {
        for (RulesRegion region : store.all()) {
            synchronized (region) {
                region.rules.values().forEach(rule -> {
                    rule.deleted = true;
                    periodic.cancel(rule);
                });
            }
        }
        store.reset();
    }
}

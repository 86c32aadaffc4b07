package io.selfheal.harness.steps;

import io.selfheal.harness.yaml.YMap;

/**
 * {@code guardDutyFinding: {sample: true, type: "Backdoor:EC2/C&CActivity.B"}}: GuardDuty's own
 * {@code CreateSampleFindings}, the one API AWS offers for raising a finding. The sample is "populated with placeholder
 * values" and marked {@code service.additionalInfo.sample: true}
 * (https://docs.aws.amazon.com/guardduty/latest/ug/sample_findings.html), so it names a placeholder instance, never
 * one of the stack's: it runs on every backend, and a scenario using it proves what a remediation does with a sample
 * (nothing, for a responder), not what it does to an instance.
 */
public record GuardDutySampleFindingFault(String type) implements Fault {

    @Override
    public String describe() {
        return "GuardDuty sample finding " + type + " (CreateSampleFindings, placeholder instance)";
    }

    @Override
    public void inject(FaultContext run) {
        var guardDuty = run.clients().guardDuty();
        String detectorId = GuardDutyFindingFault.detectorId(guardDuty);
        guardDuty.createSampleFindings(r -> r.detectorId(detectorId).findingTypes(type));
    }

    /** The {@code sample: true} form of {@code guardDutyFinding}; null when it has problems (reported on spec). */
    static Fault read(YMap spec) {
        spec.allow("sample", "type", "instance", "severity", "repeat");
        boolean extra = false;
        for (String key : new String[] {"instance", "severity", "repeat"}) {
            if (spec.has(key)) {
                spec.get(key).problem("CreateSampleFindings takes only the type; its sample names GuardDuty's"
                        + " placeholder instance with the type's severity: drop '" + key + "' or sample");
                extra = true;
            }
        }
        if (!spec.has("type")) {
            spec.require("type");
        }
        String type = spec.choice("type", GuardDutyFindingFault.TYPES.toArray(String[]::new));
        return type == null || extra ? null : new GuardDutySampleFindingFault(type);
    }
}

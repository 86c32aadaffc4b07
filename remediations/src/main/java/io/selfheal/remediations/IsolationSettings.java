package io.selfheal.remediations;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * IsolateCompromisedInstance's configuration, read once from its environment.
 *
 * @param minSeverity    {@code MIN_SEVERITY} (default 7.0, GuardDuty's High band)
 * @param findingTypes   {@code FINDING_TYPES}, comma-separated (default: the C&amp;C, crypto-mining and DNS
 *                       exfiltration types, where the instance itself is the threat)
 * @param securityTeamCidr {@code SECURITY_TEAM_CIDR}: the only source the isolation group admits (SSH); none if unset
 * @param topicArn       {@code NOTIFY_TOPIC_ARN}: where the one notification per isolation goes; none if unset
 * @param dryRun         {@code DRY_RUN=true}: report the plan, change nothing
 * @param breakTracking  {@code BREAK_TRACKED_CONNECTIONS} (default true): move interfaces through an all-open group
 *                       first, so connections already tracked are interrupted (AWS's connection tracking page)
 */
record IsolationSettings(double minSeverity, Set<String> findingTypes, String securityTeamCidr, String topicArn,
                         boolean dryRun, boolean breakTracking) {

    static final String DEFAULT_TYPES = "Backdoor:EC2/C&CActivity.B,Backdoor:EC2/C&CActivity.B!DNS,"
            + "CryptoCurrency:EC2/BitcoinTool.B,CryptoCurrency:EC2/BitcoinTool.B!DNS,Trojan:EC2/DNSDataExfiltration";

    static IsolationSettings fromEnvironment(Map<String, String> env) {
        String severity = env.getOrDefault("MIN_SEVERITY", "7.0").trim();
        double min;
        try {
            min = Double.parseDouble(severity);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MIN_SEVERITY must be a number, got '" + severity + "'");
        }
        Set<String> types = Arrays.stream(env.getOrDefault("FINDING_TYPES", DEFAULT_TYPES).split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new IsolationSettings(min, types, blankToNull(env.get("SECURITY_TEAM_CIDR")),
                blankToNull(env.get("NOTIFY_TOPIC_ARN")),
                Boolean.parseBoolean(env.getOrDefault("DRY_RUN", "false").trim()),
                Boolean.parseBoolean(env.getOrDefault("BREAK_TRACKED_CONNECTIONS", "true").trim()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

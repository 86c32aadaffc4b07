package io.selfheal.emulator.services.guardduty;

import io.selfheal.emulator.services.guardduty.FindingType.ActionKind;
import io.selfheal.emulator.services.guardduty.FindingType.ResourceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The finding types GuardDuty can raise here, in one place: the types a remediation team writes rules for. Default
 * severities sit in the band the type's page gives (Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9; Critical 9.0–10.0
 * is for attack sequences: https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html).
 */
final class FindingTypes {
    private static final Map<String, FindingType> TYPES = new LinkedHashMap<>();

    static {
        add(new FindingType("Backdoor:EC2/C&CActivity.B", ResourceKind.INSTANCE, ActionKind.NETWORK_CONNECTION,
                "ACTOR", 8.0, "EC2 instance {instanceId} communicating outbound with C&C Server.",
                "EC2 instance {instanceId} is communicating outbound with a known Command & Control Server "
                        + "{remoteIp} on port {port}."));
        add(new FindingType("Backdoor:EC2/C&CActivity.B!DNS", ResourceKind.INSTANCE, ActionKind.DNS_REQUEST,
                "ACTOR", 8.0, "Command and Control server domain name queried by EC2 instance {instanceId}.",
                "EC2 instance {instanceId} is querying {domain}, a domain name associated with a known Command & "
                        + "Control server."));
        add(new FindingType("CryptoCurrency:EC2/BitcoinTool.B!DNS", ResourceKind.INSTANCE, ActionKind.DNS_REQUEST,
                "ACTOR", 8.0, "Bitcoin-related domain name queried by EC2 instance {instanceId}.",
                "EC2 instance {instanceId} is querying {domain}, a domain name associated with Bitcoin or other "
                        + "cryptocurrency-related activity."));
        add(new FindingType("Trojan:EC2/DNSDataExfiltration", ResourceKind.INSTANCE, ActionKind.DNS_REQUEST,
                "ACTOR", 8.0, "Data exfiltration through DNS queries from EC2 instance {instanceId}.",
                "EC2 instance {instanceId} is attempting to exfiltrate data by encoding it in DNS queries for "
                        + "{domain}."));
        add(new FindingType("UnauthorizedAccess:EC2/SSHBruteForce", ResourceKind.INSTANCE,
                ActionKind.NETWORK_CONNECTION, "TARGET", 2.0,
                "{remoteIp} is performing SSH brute force attacks against {instanceId}.",
                "{remoteIp} is performing SSH brute force attacks against {instanceId}. Brute force attacks are "
                        + "used to gain unauthorized access to your instance by guessing the SSH password."));
        add(new FindingType("Recon:EC2/PortProbeUnprotectedPort", ResourceKind.INSTANCE, ActionKind.PORT_PROBE,
                "TARGET", 2.0, "Unprotected port on EC2 instance {instanceId} is being probed.",
                "EC2 instance {instanceId} has an unprotected port {port} which is being probed by a known "
                        + "malicious host {remoteIp}."));
        add(new FindingType("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
                ResourceKind.ACCESS_KEY, ActionKind.AWS_API_CALL, "TARGET", 8.0,
                "Credentials for instance role {role} used from external IP address.",
                "Credentials created exclusively for EC2 instance {instanceId} through instance role {role} "
                        + "have been used from external IP address {remoteIp}."));
    }

    private FindingTypes() {
    }

    private static void add(FindingType type) {
        TYPES.put(type.name(), type);
    }

    /** @return the type, or null when GuardDuty here cannot raise it */
    static FindingType find(String name) {
        return TYPES.get(name);
    }

    static List<FindingType> all() {
        return List.copyOf(TYPES.values());
    }

    static List<String> names() {
        return List.copyOf(TYPES.keySet());
    }
}

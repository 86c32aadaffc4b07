package io.selfheal.emulator.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.core.policy.Decision.Outcome;
import io.selfheal.emulator.core.policy.Decision.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases from AWS's policy-evaluation documentation; each names the page it comes from. */
class PolicyEvaluatorTest {
    private static final String EVAL =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html";
    private static final String CROSS =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html";
    private static final String OPERATORS =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html";
    private static final String MULTI = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
            + "reference_policies_condition-single-vs-multi-valued-context-keys.html";
    private static final String VARIABLES =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html";
    private static final String ACTION =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html";
    private static final String NOT_ACTION =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html";
    private static final String RESOURCE =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html";
    private static final String PRINCIPAL =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html";
    private static final String BOUNDARY =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html";

    private static final String ACCOUNT = "111111111111";
    private static final String OTHER = "222222222222";
    private static final String INSTANCE = "arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/i-0abc";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/remediator";
    private static final Principal SESSION = new Principal("arn:aws:sts::" + ACCOUNT + ":assumed-role/remediator/s1",
            ACCOUNT, PrincipalType.AssumedRole, ROLE, Map.of("team", "ops"));
    private static final Principal ALICE = new Principal("arn:aws:iam::" + ACCOUNT + ":user/alice", ACCOUNT,
            PrincipalType.IAMUser, "arn:aws:iam::" + ACCOUNT + ":user/alice", Map.of());
    private static final Principal OUTSIDER = new Principal("arn:aws:iam::" + OTHER + ":user/bob", OTHER,
            PrincipalType.IAMUser, "arn:aws:iam::" + OTHER + ":user/bob", Map.of());
    private static final Principal EVENTS = Principal.service("events.amazonaws.com");

    /** One row: a page, the policies, the request, the outcome (and for an implicit deny, which type failed). */
    record Case(String name, String page, List<String> identity, String resourcePolicy, String boundary,
                String resourceAccount, Principal principal, String action, String resource,
                Map<String, String> context, Outcome expected, PolicyType notAllowedBy) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String allow(String action, String resource) {
        return doc("Allow", action, resource, null);
    }

    private static String doc(String effect, String action, String resource, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S1\",\"Effect\":\"" + effect + "\","
                + "\"Action\":" + action + ",\"Resource\":" + resource
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    private static String resourcePolicy(String effect, String principal, String action, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"R1\",\"Effect\":\"" + effect + "\","
                + "\"Principal\":" + principal + ",\"Action\":" + action + ",\"Resource\":\"*\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    private static Case identity(String name, String page, List<String> policies, String action,
                                 Map<String, String> context, Outcome expected) {
        return new Case(name, page, policies, null, null, null, SESSION, action, INSTANCE, context, expected,
                expected == Outcome.IMPLICIT_DENY ? PolicyType.IDENTITY_BASED : null);
    }

    private static Case condition(String name, String page, String condition, Map<String, String> context,
                                  Outcome expected) {
        return identity(name, page, List.of(doc("Allow", "\"ec2:RebootInstances\"", "\"*\"", condition)),
                "ec2:RebootInstances", context, expected);
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        String reboot = "\"ec2:RebootInstances\"";
        // Evaluation logic: default deny, allow, explicit deny wins.
        c.add(identity("no policy: implicit deny", EVAL, List.of(), "ec2:RebootInstances", Map.of(),
                Outcome.IMPLICIT_DENY));
        c.add(identity("an identity Allow grants", EVAL, List.of(allow(reboot, "\"" + INSTANCE + "\"")),
                "ec2:RebootInstances", Map.of(), Outcome.ALLOW));
        c.add(identity("explicit Deny overrides Allow", EVAL, List.of(allow("\"ec2:*\"", "\"*\""),
                doc("Deny", reboot, "\"*\"", null)), "ec2:RebootInstances", Map.of(), Outcome.EXPLICIT_DENY));
        c.add(identity("Allow on another resource does not grant", EVAL,
                List.of(allow(reboot, "\"arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/i-other\"")),
                "ec2:RebootInstances", Map.of(), Outcome.IMPLICIT_DENY));
        // Action wildcards are case-insensitive; NotAction.
        c.add(identity("action wildcard, any case", ACTION, List.of(allow("\"EC2:Reboot*\"", "\"*\"")),
                "ec2:RebootInstances", Map.of(), Outcome.ALLOW));
        c.add(identity("action ? wildcard", ACTION, List.of(allow("\"ec2:RebootInstance?\"", "\"*\"")),
                "ec2:RebootInstances", Map.of(), Outcome.ALLOW));
        c.add(identity("NotAction allows everything else", NOT_ACTION, List.of(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\","
                        + "\"Resource\":\"*\"}}"), "ec2:RebootInstances", Map.of(), Outcome.ALLOW));
        c.add(identity("NotAction excludes what it names", NOT_ACTION, List.of(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"ec2:*\","
                        + "\"Resource\":\"*\"}}"), "ec2:RebootInstances", Map.of(), Outcome.IMPLICIT_DENY));
        // Resource wildcards are case-sensitive; NotResource.
        c.add(identity("resource wildcard", RESOURCE, List.of(allow(reboot,
                "\"arn:aws:ec2:*:" + ACCOUNT + ":instance/*\"")), "ec2:RebootInstances", Map.of(), Outcome.ALLOW));
        c.add(identity("resource match is case-sensitive", RESOURCE, List.of(allow(reboot,
                "\"arn:aws:ec2:*:" + ACCOUNT + ":INSTANCE/*\"")), "ec2:RebootInstances", Map.of(),
                Outcome.IMPLICIT_DENY));
        c.add(identity("Deny with NotResource spares the named resource", RESOURCE, List.of(allow(reboot, "\"*\""),
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"ec2:*\","
                        + "\"NotResource\":\"" + INSTANCE + "\"}}"), "ec2:RebootInstances", Map.of(),
                Outcome.ALLOW));
        // Policy variables.
        c.add(new Case("${aws:username} in Resource", VARIABLES, List.of(allow("\"s3:GetObject\"",
                "\"arn:aws:s3:::home/${aws:username}/*\"")), null, null, null, ALICE, "s3:GetObject",
                "arn:aws:s3:::home/alice/notes.txt", Map.of(), Outcome.ALLOW, null));
        c.add(new Case("${aws:username} is not another user's folder", VARIABLES, List.of(allow("\"s3:GetObject\"",
                "\"arn:aws:s3:::home/${aws:username}/*\"")), null, null, null, ALICE, "s3:GetObject",
                "arn:aws:s3:::home/bob/notes.txt", Map.of(), Outcome.IMPLICIT_DENY, PolicyType.IDENTITY_BASED));
        c.add(condition("${aws:PrincipalTag/team} against aws:ResourceTag", VARIABLES,
                "{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}",
                Map.of("aws:ResourceTag/team", "ops"), Outcome.ALLOW));
        c.add(condition("variable without value and no default matches nothing", VARIABLES,
                "{\"StringEquals\":{\"aws:ResourceTag/owner\":\"${aws:username}\"}}",
                Map.of("aws:ResourceTag/owner", ""), Outcome.IMPLICIT_DENY));
        c.add(condition("variable default value", VARIABLES,
                "{\"StringEquals\":{\"aws:ResourceTag/owner\":\"${aws:username, 'nobody'}\"}}",
                Map.of("aws:ResourceTag/owner", "nobody"), Outcome.ALLOW));
        // Condition operators.
        c.add(condition("StringEquals matches", OPERATORS, "{\"StringEquals\":{\"ec2:ResourceTag/env\":\"prod\"}}",
                Map.of("ec2:ResourceTag/env", "prod"), Outcome.ALLOW));
        c.add(condition("StringEquals is case-sensitive", OPERATORS,
                "{\"StringEquals\":{\"ec2:ResourceTag/env\":\"prod\"}}", Map.of("ec2:ResourceTag/env", "PROD"),
                Outcome.IMPLICIT_DENY));
        c.add(condition("StringEqualsIgnoreCase", OPERATORS,
                "{\"StringEqualsIgnoreCase\":{\"ec2:ResourceTag/env\":\"prod\"}}",
                Map.of("ec2:ResourceTag/env", "PROD"), Outcome.ALLOW));
        c.add(condition("several values are OR-ed", OPERATORS,
                "{\"StringEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"us-east-1\"]}}",
                Map.of("aws:RequestedRegion", "us-east-1"), Outcome.ALLOW));
        c.add(condition("StringNotEquals holds when the key is absent", OPERATORS,
                "{\"StringNotEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}", Map.of(), Outcome.ALLOW));
        c.add(condition("StringLike wildcard", OPERATORS, "{\"StringLike\":{\"aws:SourceArn\":\"arn:aws:events:*\"}}",
                Map.of("aws:SourceArn", "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/r"), Outcome.ALLOW));
        c.add(condition("a missing key fails a positive operator", OPERATORS,
                "{\"StringEquals\":{\"aws:SourceAccount\":\"" + ACCOUNT + "\"}}", Map.of(), Outcome.IMPLICIT_DENY));
        c.add(condition("NumericLessThan", OPERATORS, "{\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}",
                Map.of("s3:max-keys", "9"), Outcome.ALLOW));
        c.add(condition("NumericLessThan refuses equal", OPERATORS, "{\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}",
                Map.of("s3:max-keys", "10"), Outcome.IMPLICIT_DENY));
        c.add(condition("DateLessThan on aws:CurrentTime", OPERATORS,
                "{\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}",
                Map.of("aws:CurrentTime", "2026-12-07T14:00:00Z"), Outcome.ALLOW));
        c.add(condition("DateGreaterThan with epoch seconds", OPERATORS,
                "{\"DateGreaterThan\":{\"aws:EpochTime\":\"1700000000\"}}",
                Map.of("aws:EpochTime", "1600000000"), Outcome.IMPLICIT_DENY));
        c.add(condition("Bool aws:SecureTransport", OPERATORS, "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}",
                Map.of("aws:SecureTransport", "true"), Outcome.ALLOW));
        c.add(condition("IpAddress in CIDR", OPERATORS, "{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}",
                Map.of("aws:SourceIp", "203.0.113.7"), Outcome.ALLOW));
        c.add(condition("NotIpAddress outside CIDR", OPERATORS,
                "{\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", Map.of("aws:SourceIp", "198.51.100.1"),
                Outcome.ALLOW));
        c.add(condition("IpAddress IPv6", OPERATORS, "{\"IpAddress\":{\"aws:SourceIp\":\"2001:db8::/32\"}}",
                Map.of("aws:SourceIp", "2001:db8:1::5"), Outcome.ALLOW));
        c.add(condition("ArnLike per component", OPERATORS,
                "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sns:*:" + ACCOUNT + ":*\"}}",
                Map.of("aws:SourceArn", "arn:aws:sns:us-east-1:" + ACCOUNT + ":alerts"), Outcome.ALLOW));
        c.add(condition("ArnEquals other account", OPERATORS,
                "{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:sns:us-east-1:" + ACCOUNT + ":alerts\"}}",
                Map.of("aws:SourceArn", "arn:aws:sns:us-east-1:" + OTHER + ":alerts"), Outcome.IMPLICIT_DENY));
        c.add(condition("Null true: the key is absent", OPERATORS, "{\"Null\":{\"aws:ResourceTag/env\":\"true\"}}",
                Map.of(), Outcome.ALLOW));
        c.add(condition("Null false: the key is present", OPERATORS,
                "{\"Null\":{\"aws:ResourceTag/env\":\"false\"}}", Map.of(), Outcome.IMPLICIT_DENY));
        c.add(condition("…IfExists holds without the key", OPERATORS,
                "{\"StringEqualsIfExists\":{\"ec2:InstanceType\":\"t3.micro\"}}", Map.of(), Outcome.ALLOW));
        c.add(condition("…IfExists checks a present key", OPERATORS,
                "{\"StringEqualsIfExists\":{\"ec2:InstanceType\":\"t3.micro\"}}",
                Map.of("ec2:InstanceType", "m5.large"), Outcome.IMPLICIT_DENY));
        c.add(condition("aws:PrincipalArn is the role, not the session", OPERATORS,
                "{\"ArnEquals\":{\"aws:PrincipalArn\":\"" + ROLE + "\"}}", Map.of(), Outcome.ALLOW));
        c.add(condition("unknown operator fails closed", OPERATORS,
                "{\"StringSoundsLike\":{\"aws:SourceArn\":\"x\"}}", Map.of("aws:SourceArn", "x"),
                Outcome.IMPLICIT_DENY));
        c.add(identity("unknown condition in a Deny makes the Deny apply", OPERATORS,
                List.of(allow(reboot, "\"*\""), doc("Deny", reboot, "\"*\"", "{\"Frobnicate\":{\"aws:x\":\"y\"}}")),
                "ec2:RebootInstances", Map.of(), Outcome.EXPLICIT_DENY));
        // Principal in resource-based policies, same account and cross-account.
        c.add(new Case("resource policy naming the role grants in its account", EVAL, List.of(),
                resourcePolicy("Allow", "{\"AWS\":\"" + ROLE + "\"}", "\"sqs:SendMessage\"", null), null, ACCOUNT,
                SESSION, "sqs:SendMessage", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":q", Map.of(), Outcome.ALLOW, null));
        c.add(new Case("resource policy naming the account delegates to identity policies", PRINCIPAL, List.of(),
                resourcePolicy("Allow", "{\"AWS\":\"" + ACCOUNT + "\"}", "\"sqs:SendMessage\"", null), null, ACCOUNT,
                SESSION, "sqs:SendMessage", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":q", Map.of(),
                Outcome.IMPLICIT_DENY, PolicyType.IDENTITY_BASED));
        c.add(new Case("cross-account: identity Allow alone is not enough", CROSS,
                List.of(allow("\"sqs:SendMessage\"", "\"*\"")), null, null, ACCOUNT, OUTSIDER, "sqs:SendMessage",
                "arn:aws:sqs:us-east-1:" + ACCOUNT + ":q", Map.of(), Outcome.IMPLICIT_DENY,
                PolicyType.RESOURCE_BASED));
        c.add(new Case("cross-account: both sides allow", CROSS, List.of(allow("\"sqs:SendMessage\"", "\"*\"")),
                resourcePolicy("Allow", "{\"AWS\":\"arn:aws:iam::" + OTHER + ":root\"}", "\"sqs:SendMessage\"", null),
                null, ACCOUNT, OUTSIDER, "sqs:SendMessage", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":q", Map.of(),
                Outcome.ALLOW, null));
        c.add(new Case("cross-account: resource Allow alone is not enough", CROSS, List.of(),
                resourcePolicy("Allow", "{\"AWS\":\"" + OTHER + "\"}", "\"sqs:SendMessage\"", null), null, ACCOUNT,
                OUTSIDER, "sqs:SendMessage", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":q", Map.of(),
                Outcome.IMPLICIT_DENY, PolicyType.IDENTITY_BASED));
        c.add(new Case("service principal allowed by a resource policy with SourceArn", PRINCIPAL, List.of(),
                resourcePolicy("Allow", "{\"Service\":\"events.amazonaws.com\"}", "\"sqs:SendMessage\"",
                        "{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:events:us-east-1:" + ACCOUNT + ":rule/r\"}}"),
                null, ACCOUNT, EVENTS, "sqs:SendMessage", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":q",
                Map.of("aws:SourceArn", "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/r"), Outcome.ALLOW, null));
        c.add(new Case("service principal not named", PRINCIPAL, List.of(),
                resourcePolicy("Allow", "{\"Service\":\"sns.amazonaws.com\"}", "\"sqs:SendMessage\"", null),
                null, ACCOUNT, EVENTS, "sqs:SendMessage", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":q", Map.of(),
                Outcome.IMPLICIT_DENY, PolicyType.RESOURCE_BASED));
        c.add(new Case("Principal * includes services", PRINCIPAL, List.of(),
                resourcePolicy("Allow", "\"*\"", "\"sqs:SendMessage\"", null), null, ACCOUNT, EVENTS,
                "sqs:SendMessage", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":q", Map.of(), Outcome.ALLOW, null));
        c.add(new Case("resource policy Deny binds the root", EVAL, List.of(),
                resourcePolicy("Deny", "\"*\"", "\"sqs:*\"", null), null, ACCOUNT, Principal.root(ACCOUNT),
                "sqs:DeleteQueue", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":q", Map.of(), Outcome.EXPLICIT_DENY, null));
        c.add(new Case("the root needs no identity policy in its account", EVAL, List.of(), null, null, null,
                Principal.root(ACCOUNT), "ec2:RebootInstances", INSTANCE, Map.of(), Outcome.ALLOW, null));
        // Permissions boundaries.
        c.add(new Case("boundary without the action: implicit deny", BOUNDARY, List.of(allow("\"ec2:*\"", "\"*\"")),
                null, allow("\"s3:*\"", "\"*\""), null, SESSION, "ec2:RebootInstances", INSTANCE, Map.of(),
                Outcome.IMPLICIT_DENY, PolicyType.PERMISSIONS_BOUNDARY));
        c.add(new Case("identity and boundary both allow", BOUNDARY, List.of(allow("\"ec2:*\"", "\"*\"")),
                null, allow("\"ec2:Reboot*\"", "\"*\""), null, SESSION, "ec2:RebootInstances", INSTANCE, Map.of(),
                Outcome.ALLOW, null));
        // Multi-valued keys.
        c.add(multi("ForAllValues: every tag key allowed", "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":"
                + "[\"env\",\"team\"]}}", List.of("env", "team"), Outcome.ALLOW));
        c.add(multi("ForAllValues: one tag key not allowed", "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":"
                + "[\"env\"]}}", List.of("env", "cost"), Outcome.IMPLICIT_DENY));
        c.add(multi("ForAllValues holds with no keys", "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":"
                + "[\"env\"]}}", List.of(), Outcome.ALLOW));
        c.add(multi("ForAnyValue: one matches", "{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"env\"]}}",
                List.of("cost", "env"), Outcome.ALLOW));
        c.add(multi("ForAnyValue fails with no keys", "{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"env\"]}}",
                List.of(), Outcome.IMPLICIT_DENY));
        return c.stream();
    }

    private static Case multi(String name, String condition, List<String> tagKeys, Outcome expected) {
        return new Case(name, MULTI, List.of(doc("Allow", "\"ec2:CreateTags\"", "\"*\"", condition)), null, null,
                null, SESSION, "ec2:CreateTags", INSTANCE, tagKeys.isEmpty() ? Map.of()
                : Map.of("aws:TagKeys", String.join(",", tagKeys)), expected,
                expected == Outcome.IMPLICIT_DENY ? PolicyType.IDENTITY_BASED : null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsAwsDocuments(Case c) {
        List<NamedPolicy> identity = new ArrayList<>();
        for (int i = 0; i < c.identity().size(); i++) {
            identity.add(new NamedPolicy("p" + i, PolicyDocument.parse(c.identity().get(i), PolicyKind.IDENTITY)));
        }
        NamedPolicy resource = c.resourcePolicy() == null ? null
                : new NamedPolicy("resource", PolicyDocument.parse(c.resourcePolicy(), PolicyKind.RESOURCE));
        NamedPolicy boundary = c.boundary() == null ? null
                : new NamedPolicy("boundary", PolicyDocument.parse(c.boundary(), PolicyKind.IDENTITY));
        AuthorizationRequest request = new AuthorizationRequest(c.principal(), c.action(), c.resource(),
                contextOf(c.context()));
        Decision d = PolicyEvaluator.evaluate(request, new PolicySet(identity, resource, boundary,
                c.resourceAccount()));
        assertThat(d.outcome()).as(c.page()).isEqualTo(c.expected());
        assertThat(d.notAllowedBy()).as(c.page()).isEqualTo(c.notAllowedBy());
    }

    /** aws:TagKeys is multi-valued: the table writes it comma-separated. */
    private static Map<String, List<String>> contextOf(Map<String, String> single) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        single.forEach((k, v) -> out.put(k, k.equals("aws:TagKeys") ? List.of(v.split(",")) : List.of(v)));
        return out;
    }

    @Test
    void decisionNamesTheStatementAndTheConditionsItCouldNotEvaluate() {
        PolicyDocument deny = PolicyDocument.parse(doc("Deny", "\"ec2:RebootInstances\"", "\"*\"",
                "{\"StringEquals\":{\"ec2:Vpc\":\"arn:aws:ec2:us-east-1:" + ACCOUNT + ":vpc/vpc-1\"}}"));
        Decision d = PolicyEvaluator.evaluate(AuthorizationRequest.of(SESSION, "ec2:RebootInstances", INSTANCE,
                Map.of()), PolicySet.identity(List.of(new NamedPolicy("guard", deny))));
        assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(d.statement()).isEqualTo(new Decision.MatchedStatement("guard", PolicyType.IDENTITY_BASED, "S1"));
        assertThat(d.unevaluated()).containsExactly("guard: ec2:Vpc (StringEquals)");
    }

    /** A pattern of many wildcards against a long value that does not match answers at once (no regex backtracking). */
    @Test
    void manyWildcardsAgainstALongValueStayCheap() {
        String pattern = "arn:" + "*a".repeat(200) + "b";
        long start = System.nanoTime();
        assertThat(Wildcards.matches(pattern, "arn:" + "a".repeat(5000), false, null)).isFalse();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(2));
        assertThat(Wildcards.matches("${*}-${?}", "*-?", false, k -> null)).isTrue();
        assertThat(Wildcards.matches("${*}-${?}", "x-y", false, k -> null)).isFalse();
    }

    @Test
    void variablesAreLiteralIn2008Documents() {
        PolicyDocument old = PolicyDocument.parse("{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}}");
        Decision d = PolicyEvaluator.evaluate(AuthorizationRequest.of(ALICE, "s3:GetObject",
                "arn:aws:s3:::home/alice/x", Map.of()), PolicySet.identity(List.of(new NamedPolicy("old", old))));
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }
}

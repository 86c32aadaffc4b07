package io.selfheal.emulator.services.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.authz.IamMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * IAM and STS through Debian's AWS CLI v2 (botocore decodes IAM's URL-encoded policy documents; the query protocol's
 * lists and errors as the CLI parses them): create a role, give it policies, simulate, create a user with a key,
 * assume the role as the user and ask who the session is; decode EC2's encoded authorization failure message.
 * Skipped where /usr/bin/aws is missing.
 */
class IamStsAwsCliTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static final Path CLI = Path.of("/usr/bin/aws");
    private static final String ROOT_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String ROOT_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @BeforeAll
    static void cliInstalled() {
        assumeTrue(Files.isExecutable(CLI), "AWS CLI v2 not installed at /usr/bin/aws");
    }

    private record Result(int exit, String out) {
        JsonNode json() throws Exception {
            return Json.parse(out);
        }
    }

    private static Result aws(Map<String, String> credentials, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CLI.toString(), "--endpoint-url",
                AWS.emulator().endpoint().toString(), "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        env.remove("AWS_SESSION_TOKEN");
        env.putAll(credentials);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static Result root(String... args) throws Exception {
        return aws(Map.of("AWS_ACCESS_KEY_ID", ROOT_KEY, "AWS_SECRET_ACCESS_KEY", ROOT_SECRET), args);
    }

    @Test
    void rolesPoliciesSimulateAndAssumeRoleThroughTheCli(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String account = AWS.emulator().accountId();
        Path trust = Files.writeString(dir.resolve("trust.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":user/cli-user\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}");
        Path reboot = Files.writeString(dir.resolve("reboot.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"ec2:RebootInstances\",\"Resource\":\"*\"}]}");

        Result role = root("iam", "create-role", "--role-name", "cli-role", "--assume-role-policy-document",
                "file://" + trust);
        assertThat(role.exit()).as(role.out()).isZero();
        // botocore decodes the URL-encoded document back into JSON.
        assertThat(role.json().at("/Role/AssumeRolePolicyDocument/Statement/0/Action").asText())
                .isEqualTo("sts:AssumeRole");
        assertThat(root("iam", "put-role-policy", "--role-name", "cli-role", "--policy-name", "reboot",
                "--policy-document", "file://" + reboot).exit()).isZero();
        assertThat(root("iam", "get-role-policy", "--role-name", "cli-role", "--policy-name", "reboot").json()
                .at("/PolicyDocument/Statement/0/Action").asText()).isEqualTo("ec2:RebootInstances");
        assertThat(root("iam", "attach-role-policy", "--role-name", "cli-role", "--policy-arn",
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole").exit()).isZero();
        assertThat(root("iam", "list-attached-role-policies", "--role-name", "cli-role").json()
                .at("/AttachedPolicies/0/PolicyName").asText()).isEqualTo("AWSLambdaBasicExecutionRole");

        JsonNode simulated = root("iam", "simulate-principal-policy", "--policy-source-arn",
                role.json().at("/Role/Arn").asText(), "--action-names", "ec2:RebootInstances",
                "ec2:TerminateInstances").json();
        assertThat(simulated.at("/EvaluationResults/0/EvalDecision").asText()).isEqualTo("allowed");
        assertThat(simulated.at("/EvaluationResults/1/EvalDecision").asText()).isEqualTo("implicitDeny");

        Result malformed = root("iam", "create-role", "--role-name", "bad", "--assume-role-policy-document",
                "file://" + reboot);
        assertThat(malformed.exit()).isNotZero();
        assertThat(malformed.out()).contains("MalformedPolicyDocument", "Has prohibited field Resource.");
        Result missing = root("iam", "get-role", "--role-name", "nope");
        assertThat(missing.out()).contains("NoSuchEntity", "The role with name nope cannot be found.");

        Result rootAssume = root("sts", "assume-role", "--role-arn", role.json().at("/Role/Arn").asText(),
                "--role-session-name", "as-root");
        assertThat(rootAssume.exit()).isNotZero();
        assertThat(rootAssume.out()).contains("AccessDenied", "Roles may not be assumed by root accounts.");

        assertThat(root("iam", "create-user", "--user-name", "cli-user").exit()).isZero();
        JsonNode key = root("iam", "create-access-key", "--user-name", "cli-user").json().get("AccessKey");
        Map<String, String> user = Map.of("AWS_ACCESS_KEY_ID", key.get("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", key.get("SecretAccessKey").asText());
        assertThat(aws(user, "sts", "get-caller-identity").json().get("Arn").asText())
                .isEqualTo("arn:aws:iam::" + account + ":user/cli-user");

        Result assumed = aws(user, "sts", "assume-role", "--role-arn", role.json().at("/Role/Arn").asText(),
                "--role-session-name", "cli-session");
        assertThat(assumed.exit()).as(assumed.out()).isZero();
        JsonNode credentials = assumed.json().get("Credentials");
        JsonNode me = aws(Map.of("AWS_ACCESS_KEY_ID", credentials.get("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", credentials.get("SecretAccessKey").asText(),
                "AWS_SESSION_TOKEN", credentials.get("SessionToken").asText()), "sts", "get-caller-identity").json();
        assertThat(me.get("Arn").asText()).isEqualTo("arn:aws:sts::" + account + ":assumed-role/cli-role/cli-session");
        assertThat(me.get("UserId").asText()).isEqualTo(assumed.json().at("/AssumedRoleUser/AssumedRoleId").asText());
    }

    /** https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html */
    @Test
    void theCliDecodesEc2sEncodedAuthorizationFailureMessage() throws Exception {
        root("iam", "create-user", "--user-name", "cli-denied");
        JsonNode key = root("iam", "create-access-key", "--user-name", "cli-denied").json().get("AccessKey");
        Map<String, String> user = Map.of("AWS_ACCESS_KEY_ID", key.get("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", key.get("SecretAccessKey").asText());
        IamMode before = AWS.emulator().control().iamMode();
        AWS.emulator().control().iamMode(IamMode.ENFORCE);
        Result denied;
        try {
            denied = aws(user, "ec2", "reboot-instances", "--instance-ids", "i-0123456789abcdef0");
        } finally {
            AWS.emulator().control().iamMode(before);
        }
        assertThat(denied.exit()).isNotZero();
        Matcher encoded = Pattern.compile("Encoded authorization failure message: (\\S+)")
                .matcher(denied.out());
        assertThat(encoded.find()).as(denied.out()).isTrue();

        Result decoded = root("sts", "decode-authorization-message", "--encoded-message", encoded.group(1));
        assertThat(decoded.exit()).as(decoded.out()).isZero();
        JsonNode message = Json.parse(decoded.json().get("DecodedMessage").asText());
        assertThat(message.get("allowed").asBoolean()).isFalse();
        assertThat(message.at("/context/action").asText()).isEqualTo("ec2:RebootInstances");
        assertThat(message.at("/context/principal/arn").asText()).endsWith(":user/cli-denied");

        Result invalid = root("sts", "decode-authorization-message", "--encoded-message", "garbage");
        assertThat(invalid.exit()).isNotZero();
        assertThat(invalid.out()).contains("InvalidAuthorizationMessageException");
    }
}

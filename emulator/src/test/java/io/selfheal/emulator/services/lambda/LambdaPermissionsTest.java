package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.InvokeFunction;
import io.selfheal.emulator.services.lambda.testfunctions.EchoHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AddPermissionResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Resource policies (AddPermission, GetPolicy, RemovePermission) and what they let service principals invoke. */
class LambdaPermissionsTest {
    private static final String RULE_ARN = "arn:aws:events:us-east-1:123456789012:rule/instance-unhealthy";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:remediate";
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static Emulator emulator;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        lambda = AWS.client(LambdaClient.class);
    }

    @BeforeEach
    void createFunction() {
        TestFunctions.create(lambda, "remediate", EchoHandler.class);
    }

    @AfterEach
    void forget() {
        emulator.control().reset();
    }

    @Test
    void addPermissionReturnsTheStatementAsLambdaWritesIt() throws Exception {
        AddPermissionResponse added = lambda.addPermission(r -> r.functionName("remediate")
                .statementId("events-invoke").action("lambda:InvokeFunction").principal("events.amazonaws.com")
                .sourceArn(RULE_ARN).sourceAccount("123456789012"));

        JsonNode statement = Json.parse(added.statement());
        assertThat(statement.get("Sid").asText()).isEqualTo("events-invoke");
        assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.at("/Principal/Service").asText()).isEqualTo("events.amazonaws.com");
        assertThat(statement.get("Action").asText()).isEqualTo("lambda:InvokeFunction");
        assertThat(statement.get("Resource").asText()).isEqualTo(FUNCTION_ARN);
        assertThat(statement.at("/Condition/ArnLike/AWS:SourceArn").asText()).isEqualTo(RULE_ARN);
        assertThat(statement.at("/Condition/StringEquals/AWS:SourceAccount").asText()).isEqualTo("123456789012");
        assertThat(emulator.control().calls("lambda", "AddPermission")).last()
                .satisfies(call -> assertThat(call.status()).isEqualTo(201));
    }

    @Test
    void aStatementIdIsUniquePerFunction() {
        allowEvents("dup", null);
        assertThatThrownBy(() -> allowEvents("dup", null))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    }

    @Test
    void getPolicyListsTheStatementsAndRemovePermissionDropsOne() throws Exception {
        assertThatThrownBy(() -> lambda.getPolicy(r -> r.functionName("remediate")))
                .isInstanceOf(ResourceNotFoundException.class);
        allowEvents("first", RULE_ARN);
        lambda.addPermission(r -> r.functionName("remediate").statementId("second").action("lambda:InvokeFunction")
                .principal("111122223333"));

        JsonNode policy = Json.parse(lambda.getPolicy(r -> r.functionName("remediate")).policy());
        assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.get("Statement")).hasSize(2);
        assertThat(policy.at("/Statement/1/Principal/AWS").asText()).isEqualTo("arn:aws:iam::111122223333:root");

        lambda.removePermission(r -> r.functionName("remediate").statementId("first"));
        JsonNode after = Json.parse(lambda.getPolicy(r -> r.functionName(FUNCTION_ARN)).policy());
        assertThat(after.get("Statement")).hasSize(1);
        assertThat(after.at("/Statement/0/Sid").asText()).isEqualTo("second");
        assertThatThrownBy(() -> lambda.removePermission(r -> r.functionName("remediate").statementId("first")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void eventBridgeCannotInvokeWithoutAPermission() {
        InvokeFunction.Result refused = ask(FUNCTION_ARN, RULE_ARN);

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(refused.errorMessage()).contains("events.amazonaws.com").contains("lambda:InvokeFunction")
                .contains(FUNCTION_ARN);
        assertThat(control().invocations("remediate")).isEmpty();
    }

    @Test
    void eventBridgeCannotInvokeAFunctionThatDoesNotExist() {
        InvokeFunction.Result refused = ask("arn:aws:lambda:us-east-1:123456789012:function:nothing", RULE_ARN);
        assertThat(refused.errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(refused.errorMessage())
                .isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nothing");
    }

    @Test
    void theStatementsSourceArnMustMatchTheCallingRule() {
        allowEvents("only-this-rule", RULE_ARN);
        assertThat(ask(FUNCTION_ARN, "arn:aws:events:us-east-1:123456789012:rule/another").errorCode())
                .isEqualTo("AccessDeniedException");
        allowEvents("any-rule", "arn:aws:events:us-east-1:123456789012:rule/*");
        assertThat(ask(FUNCTION_ARN, "arn:aws:events:us-east-1:123456789012:rule/another").accepted()).isTrue();
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void withAPermissionEventBridgeInvokesAndTheInvocationIsRecorded() {
        allowEvents("events-invoke", RULE_ARN);

        InvokeFunction.Result accepted = ask("remediate", RULE_ARN);

        assertThat(accepted.accepted()).isTrue();
        assertThat(accepted.requestId()).isNotBlank();
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(30))).isTrue();
        FunctionInvocation invocation = control().invocations("remediate").get(0);
        assertThat(invocation.requestId()).isEqualTo(accepted.requestId());
        assertThat(invocation.invocationType()).isEqualTo("Event");
        assertThat(invocation.invokedBy()).isEqualTo("events.amazonaws.com");
        assertThat(invocation.finishedOk()).isTrue();
        assertThat(invocation.payload()).isEqualTo("{\"detail-type\":\"test\"}");
        assertThat(invocation.response()).contains("\"detail-type\":\"test\"");
    }

    @Test
    void anotherAccountMayInvokeOnlyWithAStatementForIt() {
        try (LambdaClient other = TestClients.of(LambdaClient.builder(), emulator.endpoint(), "111122223333")) {
            assertThatThrownBy(() -> TestFunctions.invoke(other, FUNCTION_ARN, "{}"))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    });
            assertThatThrownBy(() -> TestFunctions.invoke(other, "remediate", "{}"))
                    .as("a bare name means the caller's own account").isInstanceOf(ResourceNotFoundException.class);

            lambda.addPermission(r -> r.functionName("remediate").statementId("partner")
                    .action("lambda:InvokeFunction").principal("111122223333"));

            assertThat(TestFunctions.invoke(other, FUNCTION_ARN, "{}").functionError()).isNull();
            assertThat(control().invocations("remediate")).last().satisfies(i ->
                    assertThat(i.invokedBy()).isEqualTo("arn:aws:iam::111122223333:root"));
        }
    }

    private static void allowEvents(String sid, String sourceArn) {
        lambda.addPermission(r -> r.functionName("remediate").statementId(sid).action("lambda:InvokeFunction")
                .principal("events.amazonaws.com").sourceArn(sourceArn));
    }

    private static InvokeFunction.Result ask(String function, String sourceArn) {
        return AWS.bus().bus().ask(new InvokeFunction("123456789012", "us-east-1", function,
                "{\"detail-type\":\"test\"}".getBytes(StandardCharsets.UTF_8), "events.amazonaws.com", sourceArn,
                "123456789012"));
    }

    private static LambdaControl control() {
        return emulator.control().component(LambdaControl.class);
    }
}

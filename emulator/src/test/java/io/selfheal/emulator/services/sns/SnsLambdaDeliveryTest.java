package io.selfheal.emulator.services.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.services.lambda.testfunctions.EchoHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Lambda subscriptions against the real Lambda service: refused (and recorded) until the function's resource policy
 * allows {@code sns.amazonaws.com} for the topic, then invoked with the SNS event ("Using AWS Lambda with Amazon
 * SNS": {@code Records[].Sns}).
 */
class SnsLambdaDeliveryTest {
    private static final String PACKAGE = "io/selfheal/emulator/services/lambda/testfunctions/";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static Emulator emulator;
    private static SnsClient sns;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() throws Exception {
        emulator = AWS.emulator();
        sns = AWS.client(SnsClient.class);
        lambda = AWS.client(LambdaClient.class);
        SdkBytes jar = SdkBytes.fromByteArray(testFunctionsJar());
        AWS.client(software.amazon.awssdk.services.iam.IamClient.class).createRole(r -> r.path("/service-role/")
                .roleName("remediation-role").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                        + "[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}"));
        lambda.createFunction(r -> r.functionName("on-alert").runtime("java17")
                .role("arn:aws:iam::123456789012:role/service-role/remediation-role")
                .handler(EchoHandler.class.getName() + "::handleRequest")
                .code(c -> c.zipFile(jar)));
    }

    /** The Lambda tests' handlers as a deployment package, as {@code mvn package} would build it. */
    private static byte[] testFunctionsJar() throws Exception {
        Path root = Path.of(EchoHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
             Stream<Path> classes = Files.list(root.resolve(PACKAGE))) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            for (Path c : classes.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(PACKAGE + c.getFileName()));
                zip.write(Files.readAllBytes(c));
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void theFunctionIsInvokedWithTheSnsEventOnlyOnceItsPolicyAllowsTheTopic() throws Exception {
        String topic = sns.createTopic(r -> r.name("alerts")).topicArn();
        String function = lambda.getFunction(r -> r.functionName("on-alert")).configuration().functionArn();
        String subscription = sns.subscribe(r -> r.topicArn(topic).protocol("lambda").endpoint(function))
                .subscriptionArn();

        sns.publish(r -> r.topicArn(topic).message("refused"));
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(30))).isTrue();
        SnsDeliveries deliveries = emulator.control().component(SnsDeliveries.class);
        assertThat(deliveries.failures()).singleElement().satisfies(f -> {
            assertThat(f.subscriptionArn()).isEqualTo(subscription);
            assertThat(f.error()).startsWith("AccessDeniedException");
        });
        assertThat(control().invocations("on-alert")).isEmpty();

        lambda.addPermission(r -> r.functionName("on-alert").statementId("sns").action("lambda:InvokeFunction")
                .principal("sns.amazonaws.com").sourceArn(topic));
        String messageId = sns.publish(r -> r.topicArn(topic).subject("Disk").message("disk full")
                .messageAttributes(Map.of("severity", SnsTestBase.string("high")))).messageId();
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(60))).isTrue();

        FunctionInvocation invocation = control().invocations("on-alert").get(0);
        assertThat(invocation.invokedBy()).isEqualTo("sns.amazonaws.com");
        assertThat(invocation.invocationType()).isEqualTo("Event");
        assertThat(invocation.finishedOk()).isTrue();
        JsonNode record = Json.parse(invocation.payload()).get("Records").get(0);
        assertThat(record.get("EventSource").asText()).isEqualTo("aws:sns");
        assertThat(record.get("EventVersion").asText()).isEqualTo("1.0");
        assertThat(record.get("EventSubscriptionArn").asText()).isEqualTo(subscription);
        JsonNode event = record.get("Sns");
        assertThat(event.get("Type").asText()).isEqualTo("Notification");
        assertThat(event.get("MessageId").asText()).isEqualTo(messageId);
        assertThat(event.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(event.get("Subject").asText()).isEqualTo("Disk");
        assertThat(event.get("Message").asText()).isEqualTo("disk full");
        assertThat(event.has("SigningCertUrl")).isTrue();
        assertThat(event.get("UnsubscribeUrl").asText()).contains(subscription);
        assertThat(event.at("/MessageAttributes/severity/Type").asText()).isEqualTo("String");
        assertThat(event.at("/MessageAttributes/severity/Value").asText()).isEqualTo("high");
    }

    private static LambdaControl control() {
        return emulator.control().component(LambdaControl.class);
    }
}

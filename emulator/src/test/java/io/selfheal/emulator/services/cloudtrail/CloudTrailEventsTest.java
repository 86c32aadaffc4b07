package io.selfheal.emulator.services.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.core.Json;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Management write calls reach the default event bus as "AWS API Call via CloudTrail" (EventBridge User Guide:
 * "AWS service events delivered via AWS CloudTrail"); read calls and data events do not.
 */
class CloudTrailEventsTest extends CloudTrailTestBase {
    /** The pattern a config-drift remediation subscribes with. */
    private static final String REBOOT_PATTERN = "{\"source\":[\"aws.ec2\"],\"detail-type\":[\"AWS API Call via "
            + "CloudTrail\"],\"detail\":{\"eventName\":[\"RebootInstances\"]}}";

    @Test
    void rebootInstancesReachesTheDefaultBusOnceAndMatchesTheRemediationPattern() {
        String id = runInstance();
        ec2.rebootInstances(b -> b.instanceIds(id));

        assertThat(cloudTrailEvents("RebootInstances")).singleElement().satisfies(event -> {
            assertThat(event.path("source").asText()).isEqualTo("aws.ec2");
            assertThat(event.path("account").asText()).isEqualTo(ACCOUNT);
            assertThat(event.path("region").asText()).isEqualTo("us-east-1");
            assertThat(event.path("resources")).isEmpty();
            JsonNode detail = event.path("detail");
            assertThat(detail.path("eventSource").asText()).isEqualTo("ec2.amazonaws.com");
            assertThat(detail.path("requestParameters")).isEqualTo(
                    Json.object().set("instancesSet", Json.object().set("items",
                            Json.array().add(Json.object().put("instanceId", id)))));
            assertThat(detail.path("responseElements").path("_return").asBoolean()).isTrue();
            assertThat(detail.path("readOnly").asBoolean()).isFalse();
            assertThat(events.testEventPattern(b -> b.eventPattern(REBOOT_PATTERN).event(Json.write(event)))
                    .result()).isTrue();
        });
    }

    @Test
    void createTagsAndPutRuleProduceOneEventEach() {
        String id = runInstance();
        ec2.createTags(b -> b.resources(id).tags(t -> t.key("Owner").value("team-a")));
        events.putRule(b -> b.name("drift").eventPattern(REBOOT_PATTERN));

        JsonNode tags = cloudTrailEvents("CreateTags").get(0).path("detail").path("requestParameters");
        assertThat(cloudTrailEvents("CreateTags")).hasSize(1);
        assertThat(tags.path("resourcesSet").path("items").get(0).path("resourceId").asText()).isEqualTo(id);
        assertThat(tags.path("tagSet").path("items").get(0).path("key").asText()).isEqualTo("Owner");
        assertThat(tags.path("tagSet").path("items").get(0).path("value").asText()).isEqualTo("team-a");

        assertThat(cloudTrailEvents("PutRule")).singleElement().satisfies(event -> {
            assertThat(event.path("source").asText()).isEqualTo("aws.events");
            JsonNode detail = event.path("detail");
            assertThat(detail.path("eventSource").asText()).isEqualTo("events.amazonaws.com");
            assertThat(detail.path("requestParameters").path("name").asText()).isEqualTo("drift");
            assertThat(detail.path("requestParameters").path("eventPattern").asText()).isEqualTo(REBOOT_PATTERN);
            assertThat(detail.path("responseElements").path("ruleArn").asText())
                    .isEqualTo("arn:aws:events:us-east-1:" + ACCOUNT + ":rule/drift");
        });
    }

    @Test
    void aCallWithALambdaFunctionsCredentialsShowsTheAssumedRoleSession() {
        String id = runInstance();
        try (Ec2Client asFunction = TestClients.of(Ec2Client.builder(), emulator.endpoint(),
                FUNCTION_SESSION.accessKeyId())) {
            asFunction.stopInstances(b -> b.instanceIds(id));
        }
        JsonNode identity = cloudTrailEvents("StopInstances").get(0).path("detail").path("userIdentity");
        assertThat(identity.path("type").asText()).isEqualTo("AssumedRole");
        assertThat(identity.path("principalId").asText()).isEqualTo("AROAEXAMPLEROLEID0001:remediate");
        assertThat(identity.path("arn").asText())
                .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/remediation-role/remediate");
        assertThat(identity.path("accessKeyId").asText()).isEqualTo("ASIAEXAMPLESESSION01");
        JsonNode issuer = identity.path("sessionContext").path("sessionIssuer");
        assertThat(issuer.path("type").asText()).isEqualTo("Role");
        assertThat(issuer.path("principalId").asText()).isEqualTo("AROAEXAMPLEROLEID0001");
        assertThat(issuer.path("arn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/remediation-role");
        assertThat(issuer.path("userName").asText()).isEqualTo("remediation-role");
        JsonNode attributes = identity.path("sessionContext").path("attributes");
        assertThat(attributes.path("mfaAuthenticated").asText()).isEqualTo("false");
        assertThat(attributes.path("creationDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void readCallsReachNoBus() {
        runInstance();
        ec2.describeInstances();
        assertThat(cloudTrailEvents("DescribeInstances")).isEmpty();
        assertThat(cloudTrailEvents("RunInstances")).hasSize(1);
    }

    @Test
    void aFailedCallIsDeliveredWithItsErrorCode() {
        assertThatThrownBy(() -> ec2.rebootInstances(b -> b.instanceIds("i-0123456789abcdef0")))
                .isInstanceOf(Ec2Exception.class);
        assertThat(cloudTrailEvents("RebootInstances")).singleElement().satisfies(event -> {
            JsonNode detail = event.path("detail");
            assertThat(detail.path("errorCode").asText()).isEqualTo("InvalidInstanceID.NotFound");
            assertThat(detail.path("errorMessage").asText()).contains("i-0123456789abcdef0");
            assertThat(detail.path("responseElements").isNull()).isTrue();
        });
    }

    /** Data events are logged only by trails with data-event selectors, never in the event history. */
    @Test
    void dataEventsAreNotRecorded() {
        events.putEvents(b -> b.entries(e -> e.source("app").detailType("t").detail("{}")));
        try (SqsClient sqs = TestClients.of(SqsClient.builder(), emulator)) {
            String url = sqs.createQueue(b -> b.queueName("work")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("hi"));
        }
        assertThat(cloudTrailEvents("PutEvents")).isEmpty();
        assertThat(cloudTrailEvents("SendMessage")).isEmpty();
        assertThat(cloudTrailEvents("CreateQueue")).hasSize(1);
        assertThat(cloudtrail.lookupEvents(b -> b.lookupAttributes(a -> a.attributeKey("EventName")
                .attributeValue("SendMessage"))).events()).isEmpty();
    }

    @Test
    void eventsGoToTheRegionOfTheCall() {
        try (Ec2Client ireland = Ec2Client.builder().endpointOverride(URI.create(emulator.endpoint().toString()))
                .region(Region.EU_WEST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret"))).build()) {
            ireland.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1));
        }
        assertThat(cloudTrailEvents("RunInstances")).singleElement().satisfies(event -> {
            assertThat(event.path("region").asText()).isEqualTo("eu-west-1");
            assertThat(event.path("detail").path("awsRegion").asText()).isEqualTo("eu-west-1");
        });
    }
}

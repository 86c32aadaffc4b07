package io.selfheal.emulator.services.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.TestClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** LookupEvents (CloudTrail API Reference) through the SDK's CloudTrailClient. */
class CloudTrailLookupEventsTest extends CloudTrailTestBase {

    private static List<Event> lookup(LookupAttributeKey key, String value) {
        awaitIdle();
        return cloudtrail.lookupEvents(b -> b.lookupAttributes(a -> a.attributeKey(key).attributeValue(value)))
                .events();
    }

    @Test
    void aReadCallIsInTheHistoryAsReadOnly() {
        ec2.describeInstances();
        List<Event> found = lookup(LookupAttributeKey.EVENT_NAME, "DescribeInstances");
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.readOnly()).isEqualTo("true");
            assertThat(e.eventSource()).isEqualTo("ec2.amazonaws.com");
            assertThat(e.username()).isEqualTo("root");
            assertThat(e.accessKeyId()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
            assertThat(e.cloudTrailEvent()).contains("\"eventName\":\"DescribeInstances\"");
        });
        assertThat(lookup(LookupAttributeKey.READ_ONLY, "true")).extracting(Event::eventName)
                .contains("DescribeInstances").doesNotContain("RunInstances");
    }

    @Test
    void filtersByUsernameResourceAndAccessKey() {
        String id = runInstance();
        try (Ec2Client asFunction = TestClients.of(Ec2Client.builder(), emulator.endpoint(),
                FUNCTION_SESSION.accessKeyId())) {
            asFunction.rebootInstances(b -> b.instanceIds(id));
        }
        assertThat(lookup(LookupAttributeKey.USERNAME, "remediate")).extracting(Event::eventName)
                .containsExactly("RebootInstances");
        assertThat(lookup(LookupAttributeKey.ACCESS_KEY_ID, FUNCTION_SESSION.accessKeyId()))
                .extracting(Event::eventName).containsExactly("RebootInstances");
        List<Event> aboutInstance = lookup(LookupAttributeKey.RESOURCE_NAME, id);
        assertThat(aboutInstance).extracting(Event::eventName).contains("RebootInstances", "DescribeInstances");
        assertThat(aboutInstance.get(0).resources()).singleElement().satisfies(r -> {
            assertThat(r.resourceType()).isEqualTo("AWS::EC2::Instance");
            assertThat(r.resourceName()).isEqualTo(id);
        });
        assertThat(lookup(LookupAttributeKey.EVENT_SOURCE, "ec2.amazonaws.com")).isNotEmpty();
        String eventId = aboutInstance.get(0).eventId();
        assertThat(lookup(LookupAttributeKey.EVENT_ID, eventId)).singleElement()
                .extracting(Event::eventId).isEqualTo(eventId);
    }

    @Test
    void pagesNewestFirst() {
        for (int i = 0; i < 7; i++) {
            events.putRule(b -> b.name("rule-" + System.nanoTime()).scheduleExpression("rate(1 hour)"));
        }
        awaitIdle();
        List<Event> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            LookupEventsResponse page = cloudtrail.lookupEvents(b -> b.maxResults(3).nextToken(next)
                    .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("PutRule")));
            seen.addAll(page.events());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).extracting(Event::eventId).doesNotHaveDuplicates();
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).eventTime()).isBeforeOrEqualTo(seen.get(i - 1).eventTime());
        }
        assertThat(cloudtrail.lookupEventsPaginator(b -> b.maxResults(2)).events().stream()
                .filter(e -> e.eventName().equals("PutRule")).count()).isEqualTo(7);
    }

    @Test
    void filtersByTimeRange() {
        Instant before = Instant.now().minusSeconds(5);
        ec2.describeInstances();
        awaitIdle();
        assertThat(cloudtrail.lookupEvents(b -> b.startTime(before)).events()).isNotEmpty();
        assertThat(cloudtrail.lookupEvents(b -> b.startTime(Instant.now().plusSeconds(60))).events()).isEmpty();
        assertThat(cloudtrail.lookupEvents(b -> b.endTime(before)).events()).isEmpty();
    }

    @Test
    void refusesWhatAwsRefuses() {
        assertThatThrownBy(() -> cloudtrail.lookupEvents(b -> b.maxResults(51)))
                .isInstanceOfSatisfying(CloudTrailException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidMaxResultsException"));
        assertThatThrownBy(() -> cloudtrail.lookupEvents(b -> b.lookupAttributes(
                a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("A"),
                a -> a.attributeKey(LookupAttributeKey.USERNAME).attributeValue("B"))))
                .isInstanceOfSatisfying(CloudTrailException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidLookupAttributesException"));
        assertThatThrownBy(() -> cloudtrail.lookupEvents(b -> b.startTime(Instant.now())
                .endTime(Instant.now().minusSeconds(60))))
                .isInstanceOfSatisfying(CloudTrailException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidTimeRangeException"));
    }
}

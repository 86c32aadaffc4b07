package io.selfheal.emulator.services.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

/** Topic operations through the SDK: CreateTopic … DeleteTopic, tags, and Publish's validation. */
class SnsTopicsTest extends SnsTestBase {

    @Test
    void createTopicAnswersTheArnAndIsIdempotent() {
        String arn = createTopic("alerts");
        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:123456789012:alerts");
        assertThat(createTopic("alerts")).isEqualTo(arn);
        assertThat(sns.listTopics().topics()).extracting(Topic::topicArn).containsExactly(arn);
    }

    @Test
    void createTopicRefusesToChangeAnExistingTopic() {
        sns.createTopic(r -> r.name("alerts").attributes(Map.of("DisplayName", "Alerts")));
        assertThatThrownBy(() -> sns.createTopic(r -> r.name("alerts").attributes(Map.of("DisplayName", "Other"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Topic already exists with different attributes");
    }

    @Test
    void createTopicRefusesInvalidNames() {
        assertThatThrownBy(() -> createTopic("has space"))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).statusCode()).isEqualTo(400))
                .hasMessageContaining("Invalid parameter: Topic Name");
        assertThatThrownBy(() -> createTopic("x".repeat(257))).isInstanceOf(InvalidParameterException.class);
        // A .fifo name needs FifoTopic=true, and FifoTopic=true needs a .fifo name.
        assertThatThrownBy(() -> createTopic("orders.fifo")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.createTopic(r -> r.name("orders").attributes(Map.of("FifoTopic", "true"))))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void fifoTopicsCarryTheirAttributes() {
        String arn = sns.createTopic(r -> r.name("orders.fifo")
                .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"))).topicArn();
        Map<String, String> attributes = sns.getTopicAttributes(r -> r.topicArn(arn)).attributes();
        assertThat(attributes).containsEntry("FifoTopic", "true").containsEntry("ContentBasedDeduplication", "true");
    }

    @Test
    void theDefaultPolicyAllowsOnlyTheOwnerAccount() throws Exception {
        String arn = createTopic("alerts");
        Map<String, String> attributes = sns.getTopicAttributes(r -> r.topicArn(arn)).attributes();
        assertThat(attributes).containsEntry("TopicArn", arn).containsEntry("Owner", ACCOUNT)
                .containsEntry("DisplayName", "").containsEntry("SubscriptionsConfirmed", "0")
                .containsEntry("SubscriptionsPending", "0").containsEntry("SubscriptionsDeleted", "0")
                .containsKey("EffectiveDeliveryPolicy");
        // As CreateTopic writes it on AWS: Principal AWS:* limited by the AWS:SourceOwner condition.
        JsonNode statement = Json.parse(attributes.get("Policy")).get("Statement").get(0);
        assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.get("Resource").asText()).isEqualTo(arn);
        assertThat(statement.at("/Condition/StringEquals/AWS:SourceOwner").asText()).isEqualTo(ACCOUNT);
        assertThat(statement.get("Action").toString()).contains("SNS:Publish", "SNS:Subscribe");
    }

    @Test
    void setTopicAttributesChangesSettableAttributesOnly() {
        String arn = createTopic("alerts");
        sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("DisplayName").attributeValue("Ops alerts"));
        assertThat(sns.getTopicAttributes(r -> r.topicArn(arn)).attributes())
                .containsEntry("DisplayName", "Ops alerts");
        assertThatThrownBy(() -> sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("Owner")
                .attributeValue("111122223333"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("Policy")
                .attributeValue("not json"))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void missingTopicsAreNotFoundAndMalformedArnsInvalid() {
        String missing = "arn:aws:sns:us-east-1:123456789012:nope";
        assertThatThrownBy(() -> sns.getTopicAttributes(r -> r.topicArn(missing)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Topic does not exist")
                .satisfies(e -> assertThat(((NotFoundException) e).statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> sns.getTopicAttributes(r -> r.topicArn("alerts")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(missing).message("hi")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listTopicsPagesThroughEveryTopic() {
        IntStream.range(0, 105).forEach(i -> createTopic("topic-" + i));
        var first = sns.listTopics();
        assertThat(first.topics()).hasSize(100);
        assertThat(first.nextToken()).isNotBlank();
        List<String> all = sns.listTopicsPaginator().topics().stream().map(Topic::topicArn).toList();
        assertThat(all).hasSize(105).doesNotHaveDuplicates();
    }

    @Test
    void deleteTopicRemovesItAndIsIdempotent() {
        String arn = createTopic("alerts");
        sns.deleteTopic(r -> r.topicArn(arn));
        sns.deleteTopic(r -> r.topicArn(arn));
        assertThat(sns.listTopics().topics()).isEmpty();
        assertThatThrownBy(() -> sns.getTopicAttributes(r -> r.topicArn(arn))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void tagsAreAddedRemovedAndListed() {
        String arn = sns.createTopic(r -> r.name("alerts").tags(Tag.builder().key("team").value("ops").build()))
                .topicArn();
        sns.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("env").value("test").build()));
        sns.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
        assertThat(sns.listTagsForResource(r -> r.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("env").value("test").build());
        assertThatThrownBy(() -> sns.listTagsForResource(r -> r.resourceArn(arn + "-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void publishValidatesAsAwsDoes() {
        String arn = createTopic("alerts");
        assertThat(sns.publish(r -> r.topicArn(arn).message("hello")).messageId()).isNotBlank();
        assertThat(sns.publish(r -> r.targetArn(arn).message("hello")).messageId()).isNotBlank();
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(arn).message("")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Empty message");
        assertThatThrownBy(() -> sns.publish(r -> r.message("hello")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("TopicArn or TargetArn");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(arn).message("x".repeat(262_145))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Message too long");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(arn).message("{\"sqs\":\"x\"}")
                .messageStructure("json"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("No default entry");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(arn).message("hello").messageAttributes(Map.of(
                "kind", software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder()
                        .dataType("Date").stringValue("today").build()))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("supported type prefixes is Binary, Number, and String");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(arn).message("hello")
                .messageAttributes(Map.of("price", number("cheap")))))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void fifoTopicsNeedAGroupAndADeduplicationId() {
        String arn = sns.createTopic(r -> r.name("orders.fifo").attributes(Map.of("FifoTopic", "true")))
                .topicArn();
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(arn).message("m").messageDeduplicationId("d")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("MessageGroupId");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(arn).message("m").messageGroupId("g")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("ContentBasedDeduplication");
        var published = sns.publish(r -> r.topicArn(arn).message("m").messageGroupId("g").messageDeduplicationId("d"));
        assertThat(published.sequenceNumber()).hasSize(20);
    }

    @Test
    void publishBatchAnswersPerEntry() {
        String arn = createTopic("alerts");
        var result = sns.publishBatch(r -> r.topicArn(arn).publishBatchRequestEntries(
                e -> e.id("ok").message("hello"),
                e -> e.id("empty").message("")));
        assertThat(result.successful()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("ok"));
        assertThat(result.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("empty");
            assertThat(f.code()).isEqualTo("InvalidParameter");
            assertThat(f.senderFault()).isTrue();
        });
    }
}

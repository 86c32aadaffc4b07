package io.selfheal.emulator.services.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** Log groups and streams, retention settings and tags through the real SDK client. */
class LogsGroupsTest {
    private static final String ARN_PREFIX = "arn:aws:logs:us-east-1:123456789012:log-group:";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static Emulator emulator;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        logs = AWS.client(CloudWatchLogsClient.class);
    }

    @AfterEach
    void reset() {
        emulator.services().get(LogsService.class).reset();
    }

    @Test
    void aCreatedGroupIsDescribedAsAwsDescribesIt() {
        Instant before = Instant.now();
        logs.createLogGroup(r -> r.logGroupName("/selfheal/app").tags(Map.of("team", "sre")));

        LogGroup g = only(logs.describeLogGroups(r -> r.logGroupNamePrefix("/selfheal/")));
        assertThat(g.logGroupName()).isEqualTo("/selfheal/app");
        assertThat(g.arn()).isEqualTo(ARN_PREFIX + "/selfheal/app:*");
        assertThat(g.logGroupArn()).isEqualTo(ARN_PREFIX + "/selfheal/app");
        assertThat(g.creationTime()).isBetween(before.toEpochMilli(), Instant.now().toEpochMilli());
        assertThat(g.storedBytes()).isZero();
        assertThat(g.retentionInDays()).isNull();
        assertThat(g.metricFilterCount()).isZero();
        assertThat(g.logGroupClassAsString()).isEqualTo("STANDARD");
        assertThat(logs.listTagsForResource(r -> r.resourceArn(ARN_PREFIX + "/selfheal/app")).tags())
                .containsExactly(Map.entry("team", "sre"));
    }

    @Test
    void creatingAnExistingGroupIsResourceAlreadyExists() {
        logs.createLogGroup(r -> r.logGroupName("dup"));

        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("dup")))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageContaining("The specified log group already exists");
    }

    @Test
    void groupNamesFollowTheModelsPatternAndLength() {
        // API reference, CreateLogGroup: 1-512 characters of a-z, A-Z, 0-9, '_', '-', '/', '.', '#'.
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("has space")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("a".repeat(513))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Member must have length less than or equal to 512");
        logs.createLogGroup(r -> r.logGroupName("ok._-/#" + "a".repeat(505)));
    }

    @Test
    void deletingAGroupDeletesItsStreamsAndAMissingOneIsNotFound() {
        logs.createLogGroup(r -> r.logGroupName("gone"));
        logs.createLogStream(r -> r.logGroupName("gone").logStreamName("s"));
        logs.deleteLogGroup(r -> r.logGroupName("gone"));

        assertThat(logs.describeLogGroups().logGroups()).isEmpty();
        assertThatThrownBy(() -> logs.deleteLogGroup(r -> r.logGroupName("gone")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log group does not exist.");
        logs.createLogGroup(r -> r.logGroupName("gone"));
        assertThat(logs.describeLogStreams(r -> r.logGroupName("gone")).logStreams()).isEmpty();
    }

    @Test
    void describeLogGroupsPagesInNameOrder() {
        for (String n : List.of("p/e", "p/a", "p/d", "p/c", "p/b", "other")) {
            logs.createLogGroup(r -> r.logGroupName(n));
        }

        DescribeLogGroupsResponse first = logs.describeLogGroups(r -> r.logGroupNamePrefix("p/").limit(2));
        assertThat(first.logGroups()).extracting(LogGroup::logGroupName).containsExactly("p/a", "p/b");
        DescribeLogGroupsResponse second = logs.describeLogGroups(r -> r.logGroupNamePrefix("p/").limit(2)
                .nextToken(first.nextToken()));
        assertThat(second.logGroups()).extracting(LogGroup::logGroupName).containsExactly("p/c", "p/d");
        DescribeLogGroupsResponse last = logs.describeLogGroups(r -> r.logGroupNamePrefix("p/").limit(2)
                .nextToken(second.nextToken()));
        assertThat(last.logGroups()).extracting(LogGroup::logGroupName).containsExactly("p/e");
        assertThat(last.nextToken()).isNull();
        // The SDK's paginator follows the same tokens.
        assertThat(logs.describeLogGroupsPaginator(r -> r.limit(1)).logGroups()).hasSize(6);
    }

    @Test
    void logGroupNamePatternIsACaseInsensitiveSubstringAndExcludesAPrefix() {
        logs.createLogGroup(r -> r.logGroupName("/aws/lambda/Remediate"));
        logs.createLogGroup(r -> r.logGroupName("/app/web"));

        assertThat(logs.describeLogGroups(r -> r.logGroupNamePattern("remed")).logGroups())
                .extracting(LogGroup::logGroupName).containsExactly("/aws/lambda/Remediate");
        assertThatThrownBy(() -> logs.describeLogGroups(r -> r.logGroupNamePrefix("/a").logGroupNamePattern("b")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> logs.describeLogGroups(r -> r.limit(51)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Member must have value less than or equal to 50");
        assertThatThrownBy(() -> logs.describeLogGroups(r -> r.nextToken("not-a-token")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void retentionIsOneOfTheAllowedValuesAndCanBeRemoved() {
        logs.createLogGroup(r -> r.logGroupName("kept"));

        logs.putRetentionPolicy(r -> r.logGroupName("kept").retentionInDays(7));
        assertThat(only(logs.describeLogGroups(r -> r.logGroupNamePrefix("kept"))).retentionInDays()).isEqualTo(7);

        assertThatThrownBy(() -> logs.putRetentionPolicy(r -> r.logGroupName("kept").retentionInDays(2)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Member must satisfy enum value set");
        assertThatThrownBy(() -> logs.putRetentionPolicy(r -> r.logGroupName("none").retentionInDays(1)))
                .isInstanceOf(ResourceNotFoundException.class);

        logs.deleteRetentionPolicy(r -> r.logGroupName("kept"));
        assertThat(only(logs.describeLogGroups(r -> r.logGroupNamePrefix("kept"))).retentionInDays()).isNull();
    }

    @Test
    void streamsAreCreatedOnceInAnExistingGroup() {
        logs.createLogGroup(r -> r.logGroupName("g"));
        logs.createLogStream(r -> r.logGroupName("g").logStreamName("2026/01/01/[$LATEST]abc"));

        LogStream s = only(logs.describeLogStreams(r -> r.logGroupName("g")));
        assertThat(s.logStreamName()).isEqualTo("2026/01/01/[$LATEST]abc");
        assertThat(s.arn()).isEqualTo(ARN_PREFIX + "g:log-stream:2026/01/01/[$LATEST]abc");
        assertThat(s.creationTime()).isPositive();
        assertThat(s.firstEventTimestamp()).isNull();
        assertThat(s.lastEventTimestamp()).isNull();

        assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName("g").logStreamName(
                "2026/01/01/[$LATEST]abc")))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageContaining("The specified log stream already exists");
        assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName("nope").logStreamName("s")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log group does not exist.");
        // API reference, CreateLogStream: ':' and '*' are not allowed.
        assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName("g").logStreamName("a:b")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("[^:*]*");
    }

    @Test
    void deleteLogStream() {
        logs.createLogGroup(r -> r.logGroupName("g"));
        logs.createLogStream(r -> r.logGroupName("g").logStreamName("s"));

        logs.deleteLogStream(r -> r.logGroupName("g").logStreamName("s"));

        assertThat(logs.describeLogStreams(r -> r.logGroupName("g")).logStreams()).isEmpty();
        assertThatThrownBy(() -> logs.deleteLogStream(r -> r.logGroupName("g").logStreamName("s")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log stream does not exist.");
        assertThatThrownBy(() -> logs.deleteLogStream(r -> r.logGroupName("x").logStreamName("s")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log group does not exist.");
    }

    @Test
    void describeLogStreamsOrdersByNameOrLastEventTimeAndPages() {
        logs.createLogGroup(r -> r.logGroupName("g"));
        long now = System.currentTimeMillis();
        // c has the oldest event, a the newest; b has none.
        for (String n : List.of("a", "b", "c")) {
            logs.createLogStream(r -> r.logGroupName("g").logStreamName(n));
        }
        put("g", "c", now - 3000);
        put("g", "a", now - 1000);

        assertThat(names(logs.describeLogStreams(r -> r.logGroupName("g"))))
                .containsExactly("a", "b", "c");
        assertThat(names(logs.describeLogStreams(r -> r.logGroupName("g").descending(true))))
                .containsExactly("c", "b", "a");
        assertThat(names(logs.describeLogStreams(r -> r.logGroupName("g").orderBy(OrderBy.LAST_EVENT_TIME)
                .descending(true)))).containsExactly("a", "c", "b");
        assertThat(names(logs.describeLogStreams(r -> r.logGroupName("g").logStreamNamePrefix("b"))))
                .containsExactly("b");
        assertThat(logs.describeLogStreams(r -> r.logGroupIdentifier(ARN_PREFIX + "g").limit(1))
                .nextToken()).isNotNull();
        assertThat(logs.describeLogStreamsPaginator(r -> r.logGroupName("g").limit(1)).logStreams()).hasSize(3);

        LogStream a = only(logs.describeLogStreams(r -> r.logGroupName("g").logStreamNamePrefix("a")));
        assertThat(a.firstEventTimestamp()).isEqualTo(now - 1000);
        assertThat(a.lastEventTimestamp()).isEqualTo(now - 1000);
        assertThat(a.lastIngestionTime()).isGreaterThanOrEqualTo(now);

        // API reference, DescribeLogStreams: ordering by event time excludes a name prefix.
        assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName("g").orderBy(OrderBy.LAST_EVENT_TIME)
                .logStreamNamePrefix("a")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName("missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void tagsByArnAndByName() {
        logs.createLogGroup(r -> r.logGroupName("t"));

        logs.tagResource(r -> r.resourceArn(ARN_PREFIX + "t").tags(Map.of("a", "1", "b", "2")));
        logs.untagResource(r -> r.resourceArn(ARN_PREFIX + "t").tagKeys("a"));

        assertThat(logs.listTagsForResource(r -> r.resourceArn(ARN_PREFIX + "t")).tags())
                .containsExactly(Map.entry("b", "2"));
        @SuppressWarnings("deprecation")
        Map<String, String> legacy = logs.listTagsLogGroup(r -> r.logGroupName("t")).tags();
        assertThat(legacy).containsExactly(Map.entry("b", "2"));
        assertThatThrownBy(() -> logs.listTagsForResource(r -> r.resourceArn(ARN_PREFIX + "missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static void put(String group, String stream, long timestamp) {
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream)
                .logEvents(e -> e.timestamp(timestamp).message("event")));
    }

    private static List<String> names(DescribeLogStreamsResponse r) {
        return r.logStreams().stream().map(LogStream::logStreamName).toList();
    }

    private static LogGroup only(DescribeLogGroupsResponse r) {
        assertThat(r.logGroups()).hasSize(1);
        return r.logGroups().get(0);
    }

    private static LogStream only(DescribeLogStreamsResponse r) {
        assertThat(r.logStreams()).hasSize(1);
        return r.logStreams().get(0);
    }
}

package io.selfheal.emulator.services.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * FilterLogEvents with the examples of the CloudWatch Logs User Guide, "Filter pattern syntax for metric filters,
 * subscription filters, filter log events, and Live Tail".
 */
class LogsFilterTest {
    /** The User Guide's unstructured examples, in stream "text". */
    private static final List<String> TEXT = List.of(
            "[ERROR] A fatal exception has occurred",
            "Exiting with ERRORCODE: -1",
            "[WARN] Failed to process the request",
            "[ERROR] Unable to continue: Failed to process the request",
            "[ERROR] Caught IllegalArgumentException",
            "ERROR WARN message",
            "WARN message",
            "the cat sat on the hat");
    /** The User Guide's JSON example, then a few application events, in stream "json". */
    private static final String TRAIL = """
            {"eventType": "UpdateTrail", "sourceIPAddress": "111.111.111.111",
             "arrayKey": ["value", "another value"],
             "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}],
             "SomeObject": null, "ThisFlag": true}""".replace("\n", "");
    private static final String COMPOUND = """
            {"user": {"id": 1, "email": "John.Stiles@example.com"},
             "users": [{"id": 2, "email": "John.Doe@example.com"}, {"id": 3, "email": "Jane.Doe@example.com"}],
             "actions": ["GET", "PUT", "DELETE"], "coordinates": [[0, 1, 2], [4, 5, 6], [7, 8, 9]]}"""
            .replace("\n", "");
    private static final List<String> JSON = List.of(TRAIL, COMPOUND,
            "{\"level\": \"ERROR\", \"count\": 7, \"latency\": 1200.5}",
            "{\"level\": \"INFO\", \"count\": 3}",
            "{\"level\": \"ERROR\", \"count\": \"9\"}");

    private static long t0;

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static Emulator emulator;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        logs = AWS.client(CloudWatchLogsClient.class);
        logs.createLogGroup(r -> r.logGroupName("app"));
        logs.createLogStream(r -> r.logGroupName("app").logStreamName("text"));
        logs.createLogStream(r -> r.logGroupName("app").logStreamName("json"));
        t0 = System.currentTimeMillis() - 60_000;
        // The streams interleave in time: text at even offsets, json at odd ones.
        logs.putLogEvents(r -> r.logGroupName("app").logStreamName("text").logEvents(events(TEXT, 0)));
        logs.putLogEvents(r -> r.logGroupName("app").logStreamName("json").logEvents(events(JSON, 1)));
    }

    @Test
    void aTermMatchesEventsContainingIt() {
        // "The filter pattern ERROR matches ... [ERROR] A fatal exception has occurred, Exiting with ERRORCODE: -1"
        assertThat(text("ERROR")).containsExactly(TEXT.get(0), TEXT.get(1), TEXT.get(3), TEXT.get(4), TEXT.get(5));
    }

    @Test
    void termsAreCaseSensitive() {
        assertThat(text("error")).isEmpty();
    }

    @Test
    void aMinusExcludesATerm() {
        assertThat(text("\"ERROR\" - \"Exiting\"")).doesNotContain(TEXT.get(1)).contains(TEXT.get(0));
        // "ERROR -WARN matches example 2": events with ERROR and without WARN.
        assertThat(text("ERROR -WARN")).containsExactly(TEXT.get(0), TEXT.get(1), TEXT.get(3), TEXT.get(4));
        assertThat(text("-ERROR")).containsExactly(TEXT.get(2), TEXT.get(6), TEXT.get(7));
    }

    @Test
    void allTermsMustOccur() {
        assertThat(text("ERROR Exception")).containsExactly(TEXT.get(4));
        assertThat(text("ERROR WARN")).containsExactly(TEXT.get(5));
    }

    @Test
    void aQuotedPhraseMatchesExactly() {
        assertThat(text("\"Failed to process the request\"")).containsExactly(TEXT.get(2), TEXT.get(3));
        assertThat(text("\"[ERROR] Unable\"")).containsExactly(TEXT.get(3));
    }

    @Test
    void questionMarksMakeAnOrPattern() {
        assertThat(text("?Caught ?Exiting")).containsExactly(TEXT.get(1), TEXT.get(4));
    }

    @Test
    void aRegularExpressionBetweenPercentSigns() {
        // User Guide: %[hc]at% matches "hat" and "cat".
        assertThat(text("%[hc]at%")).containsExactly(TEXT.get(7));
        assertThat(text("%^WARN%")).containsExactly(TEXT.get(6));
    }

    @Test
    void jsonPatternsFromTheUserGuide() {
        assertThat(json("{ $.eventType = \"UpdateTrail\" }")).containsExactly(TRAIL);
        assertThat(json("{ $.sourceIPAddress != 123.123.* }")).containsExactly(TRAIL);
        assertThat(json("{ $.sourceIPAddress = 111.* }")).containsExactly(TRAIL);
        assertThat(json("{ $.arrayKey[0] = \"value\" }")).containsExactly(TRAIL);
        assertThat(json("{ $.objectList[1].id = 2 }")).containsExactly(TRAIL);
        assertThat(json("{ $.SomeObject IS NULL }")).containsExactly(TRAIL);
        assertThat(json("{ $.ThisFlag IS TRUE }")).containsExactly(TRAIL);
        assertThat(json("{ $.ThisFlag IS FALSE }")).isEmpty();
        assertThat(json("{ $.SomeOtherObject NOT EXISTS }")).hasSize(JSON.size());
    }

    @Test
    void compoundJsonConditionsFollowTheUserGuidesPrecedence() {
        assertThat(json("{ ($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\") }"))
                .containsExactly(COMPOUND);
        assertThat(json("{ ($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\" }"))
                .isEmpty();
        assertThat(json("{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch "
                + "&& $.actions[2] = nomatch }")).containsExactly(COMPOUND);
        assertThat(json("{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch) "
                + "&& $.actions[2] = nomatch }")).isEmpty();
    }

    @Test
    void jsonValuesAndNumbers() {
        assertThat(json("{ $.level = \"ERROR\" }")).containsExactly(JSON.get(2), JSON.get(4));
        assertThat(json("{ $.count > 5 }")).containsExactly(JSON.get(2));
        assertThat(json("{ $.count <= 3 }")).containsExactly(JSON.get(3));
        assertThat(json("{ $.latency >= 1.2e3 }")).containsExactly(JSON.get(2));
        assertThat(json("{ $.level = ERROR && $.count != 7 }")).containsExactly(JSON.get(4));
        // A selector that reaches an array matches neither = nor != (User Guide, JSON special considerations).
        assertThat(json("{ $.users = 1 }")).isEmpty();
        assertThat(json("{ $.users != 1 }")).isEmpty();
        // Unstructured events never match a JSON pattern.
        assertThat(filter("{ $.level = \"ERROR\" }", "text")).isEmpty();
    }

    @Test
    void patternsThatCannotBeEvaluatedAreRefused() {
        for (String bad : List.of("{ $.level = \"ERROR\"", "[ip, user, status_code = 4*]", "foo.bar",
                "ERROR ?WARN", "\"\"", "{ $.level ~ x }", "{ $.count > many }", "%a(b)%", "{ $.a.* = 1 }")) {
            assertThatThrownBy(() -> filter(bad, "text"))
                    .as(bad)
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("filter pattern");
        }
    }

    @Test
    void eventsOfAllStreamsComeInTimeOrderWithTheirStreamAndId() {
        FilterLogEventsResponse all = logs.filterLogEvents(r -> r.logGroupName("app"));

        assertThat(all.events()).hasSize(TEXT.size() + JSON.size());
        assertThat(all.events()).extracting(FilteredLogEvent::timestamp).isSorted();
        assertThat(all.events().subList(0, 2)).extracting(FilteredLogEvent::logStreamName)
                .containsExactly("text", "json");
        assertThat(all.events()).extracting(FilteredLogEvent::eventId).doesNotHaveDuplicates();
        assertThat(all.events()).allSatisfy(e -> assertThat(e.ingestionTime()).isPositive());
        assertThat(all.nextToken()).isNull();
    }

    @Test
    void streamsTimeRangeAndPaging() {
        assertThat(logs.filterLogEvents(r -> r.logGroupName("app").logStreamNamePrefix("js")).events())
                .hasSize(JSON.size());
        // Both ends inclusive: text events sit at t0, t0+2, t0+4 …
        assertThat(logs.filterLogEvents(r -> r.logGroupName("app").logStreamNames("text")
                .startTime(t0 + 2).endTime(t0 + 4)).events()).extracting(FilteredLogEvent::message)
                .containsExactly(TEXT.get(1), TEXT.get(2));

        FilterLogEventsResponse page = logs.filterLogEvents(r -> r.logGroupName("app").filterPattern("ERROR")
                .limit(2));
        List<String> seen = new ArrayList<>(page.events().stream().map(FilteredLogEvent::message).toList());
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = logs.filterLogEvents(r -> r.logGroupName("app").filterPattern("ERROR").limit(2).nextToken(token));
            assertThat(page.events()).isNotEmpty();
            page.events().forEach(e -> seen.add(e.message()));
        }
        assertThat(seen).containsExactlyElementsOf(
                logs.filterLogEventsPaginator(r -> r.logGroupName("app").filterPattern("ERROR"))
                        .events().stream().map(FilteredLogEvent::message).toList());
        assertThat(seen).hasSize(7);

        assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName("app").logStreamNames("text")
                .logStreamNamePrefix("t"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static List<String> text(String pattern) {
        return filter(pattern, "text");
    }

    private static List<String> json(String pattern) {
        return filter(pattern, "json");
    }

    private static List<String> filter(String pattern, String stream) {
        return logs.filterLogEvents(r -> r.logGroupName("app").logStreamNames(stream).filterPattern(pattern))
                .events().stream().map(FilteredLogEvent::message).toList();
    }

    private static List<InputLogEvent> events(List<String> messages, int offset) {
        List<InputLogEvent> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            out.add(InputLogEvent.builder().timestamp(t0 + 2L * i + offset).message(messages.get(i)).build());
        }
        return out;
    }
}

package io.selfheal.emulator.services.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** PutLogEvents' batch rules, GetLogEvents' tokens and retention, on a clock the test controls. */
class LogsEventsTest {
    private static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.on(() -> CLOCK);
    private static Emulator emulator;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        logs = AWS.client(CloudWatchLogsClient.class);
    }

    @BeforeEach
    void freshGroup() {
        emulator.services().get(LogsService.class).reset();
        logs.createLogGroup(r -> r.logGroupName("app"));
        logs.createLogStream(r -> r.logGroupName("app").logStreamName("s"));
    }

    @Test
    void eventsComeBackInOrderWithTheirIngestionTime() {
        long t = CLOCK.millis();
        PutLogEventsResponse put = put(event(t - 30, "one"), event(t - 20, "two é"), event(t - 20, "three"));

        assertThat(put.rejectedLogEventsInfo()).isNull();
        assertThat(put.nextSequenceToken()).isNotBlank();
        List<OutputLogEvent> events = logs.getLogEvents(r -> r.logGroupName("app").logStreamName("s")
                .startFromHead(true)).events();
        assertThat(events).extracting(OutputLogEvent::message).containsExactly("one", "two é", "three");
        assertThat(events).extracting(OutputLogEvent::timestamp).containsExactly(t - 30, t - 20, t - 20);
        assertThat(events).allSatisfy(e -> assertThat(e.ingestionTime()).isEqualTo(t));
        // storedBytes counts the messages in UTF-8 ("é" is two bytes).
        assertThat(logs.describeLogGroups().logGroups().get(0).storedBytes()).isEqualTo(3 + 6 + 5);
    }

    @Test
    void theSequenceTokenIsIgnoredAndParallelWritersAreFine() {
        // API reference, PutLogEvents: "The sequence token is now ignored in PutLogEvents actions."
        long t = CLOCK.millis();
        logs.putLogEvents(r -> r.logGroupName("app").logStreamName("s").sequenceToken("stale")
                .logEvents(event(t, "a")));
        List<CompletableFuture<PutLogEventsResponse>> writers = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> put(event(t, "w" + i))))
                .toList();
        writers.forEach(CompletableFuture::join);

        assertThat(logs.getLogEvents(r -> r.logGroupName("app").logStreamName("s")).events()).hasSize(9);
    }

    @Test
    void aBatchOutOfChronologicalOrderFailsWhole() {
        long t = CLOCK.millis();
        assertThatThrownBy(() -> put(event(t, "late"), event(t - 1, "early")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("chronological order");
        assertThat(logs.getLogEvents(r -> r.logGroupName("app").logStreamName("s")).events()).isEmpty();
    }

    @Test
    void acceptedEventsMaySpanAtMost24Hours() {
        long t = CLOCK.millis();
        assertThatThrownBy(() -> put(event(t - Duration.ofHours(25).toMillis(), "a"), event(t, "b")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("cannot span more than 24 hours");
        put(event(t - Duration.ofHours(24).toMillis(), "a"), event(t, "b"));
    }

    @Test
    void tooOldAndTooNewEventsAreRejectedAndTheRestStored() {
        long t = CLOCK.millis();
        // API reference, PutLogEvents and RejectedLogEventsInfo: older than 14 days, more than 2 hours ahead.
        PutLogEventsResponse put = put(
                event(t - Duration.ofDays(15).toMillis(), "ancient"),
                event(t - Duration.ofDays(14).toMillis() - 1, "just too old"),
                event(t - Duration.ofHours(1).toMillis(), "kept 1"),
                event(t + Duration.ofHours(2).toMillis(), "kept 2"),
                event(t + Duration.ofHours(2).toMillis() + 1, "too new"));

        assertThat(put.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(2);
        assertThat(put.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(4);
        assertThat(put.rejectedLogEventsInfo().expiredLogEventEndIndex()).isNull();
        assertThat(messages(logs.getLogEvents(r -> r.logGroupName("app").logStreamName("s"))))
                .containsExactly("kept 1", "kept 2");
    }

    @Test
    void eventsOlderThanTheRetentionAreExpired() {
        logs.putRetentionPolicy(r -> r.logGroupName("app").retentionInDays(1));
        long t = CLOCK.millis();

        PutLogEventsResponse put = put(event(t - Duration.ofDays(2).toMillis(), "expired"), event(t, "fresh"));

        assertThat(put.rejectedLogEventsInfo().expiredLogEventEndIndex()).isEqualTo(1);
        assertThat(put.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isNull();
        assertThat(messages(logs.getLogEvents(r -> r.logGroupName("app").logStreamName("s"))))
                .containsExactly("fresh");
    }

    @Test
    void retentionRunsOnTheEmulatorClock() {
        logs.putRetentionPolicy(r -> r.logGroupName("app").retentionInDays(1));
        put(event(CLOCK.millis(), "soon gone"));
        assertThat(logs.describeLogGroups().logGroups().get(0).storedBytes()).isEqualTo(9);

        CLOCK.advance(Duration.ofDays(1).plusMillis(1));

        assertThat(logs.getLogEvents(r -> r.logGroupName("app").logStreamName("s")).events()).isEmpty();
        assertThat(logs.filterLogEvents(r -> r.logGroupName("app")).events()).isEmpty();
        assertThat(logs.describeLogGroups().logGroups().get(0).storedBytes()).isZero();
    }

    @Test
    void invalidBatches() {
        long t = CLOCK.millis();
        assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName("app").logStreamName("s")
                .logEvents(List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Member must have length greater than or equal to 1");
        assertThatThrownBy(() -> put(event(t, "")))
                .isInstanceOf(InvalidParameterException.class);
        // 1,048,576 bytes at most, counting 26 bytes per event.
        String big = "x".repeat(1_048_576 - 26);
        put(event(t, big));
        assertThatThrownBy(() -> put(event(t, big + "x")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("exceeds limit of 1048576");
        assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName("app").logStreamName("missing")
                .logEvents(event(t, "a"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log stream does not exist.");
        assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName("missing").logStreamName("s")
                .logEvents(event(t, "a"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The specified log group does not exist.");
    }

    @Test
    void getLogEventsPagesForwardAndBackwardWithTokens() {
        long t = CLOCK.millis();
        put(IntStream.range(0, 5).mapToObj(i -> event(t + i, "e" + i)).toArray(InputLogEvent[]::new));

        GetLogEventsResponse head = get(null, true, 2);
        assertThat(messages(head)).containsExactly("e0", "e1");
        assertThat(head.nextForwardToken()).startsWith("f/");
        assertThat(head.nextBackwardToken()).startsWith("b/");
        GetLogEventsResponse second = get(head.nextForwardToken(), true, 2);
        assertThat(messages(second)).containsExactly("e2", "e3");
        GetLogEventsResponse third = get(second.nextForwardToken(), true, 2);
        assertThat(messages(third)).containsExactly("e4");
        // At the end: no events, and the same forward token back (API reference, GetLogEvents).
        GetLogEventsResponse end = get(third.nextForwardToken(), true, 2);
        assertThat(end.events()).isEmpty();
        assertThat(end.nextForwardToken()).isEqualTo(third.nextForwardToken());

        // Backward from the third page: the two events before it, still in time order.
        GetLogEventsResponse back = get(third.nextBackwardToken(), false, 2);
        assertThat(messages(back)).containsExactly("e2", "e3");
        GetLogEventsResponse start = get(get(back.nextBackwardToken(), false, 2).nextBackwardToken(), false, 2);
        assertThat(start.events()).isEmpty();

        // A reader at the end finds what arrives later.
        put(event(t + 10, "e5"));
        assertThat(messages(get(end.nextForwardToken(), true, 2))).containsExactly("e5");
    }

    @Test
    void withoutATokenGetLogEventsReadsTheNewestEventsUnlessStartFromHead() {
        long t = CLOCK.millis();
        put(event(t, "a"), event(t + 1, "b"), event(t + 2, "c"));

        assertThat(messages(get(null, false, 2))).containsExactly("b", "c");
        assertThat(messages(get(null, true, 2))).containsExactly("a", "b");
    }

    @Test
    void getLogEventsTimeRangeIncludesStartAndExcludesEnd() {
        long t = CLOCK.millis();
        put(event(t, "a"), event(t + 1, "b"), event(t + 2, "c"));

        assertThat(messages(logs.getLogEvents(r -> r.logGroupName("app").logStreamName("s")
                .startTime(t + 1).endTime(t + 2)))).containsExactly("b");
    }

    @Test
    void getLogEventsErrors() {
        assertThatThrownBy(() -> get("f/123", true, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("nextToken");
        assertThatThrownBy(() -> get(null, true, 0))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Member must have value greater than or equal to 1");
        assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName("app").logStreamName("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("log stream does not exist");
        assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName("app").logGroupIdentifier("app")
                .logStreamName("s")))
                .isInstanceOf(InvalidParameterException.class);
    }

    private static GetLogEventsResponse get(String token, boolean fromHead, int limit) {
        return logs.getLogEvents(r -> r.logGroupName("app").logStreamName("s").nextToken(token)
                .startFromHead(fromHead).limit(limit));
    }

    private static PutLogEventsResponse put(InputLogEvent... events) {
        return logs.putLogEvents(r -> r.logGroupName("app").logStreamName("s").logEvents(events));
    }

    private static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }

    private static List<String> messages(GetLogEventsResponse r) {
        List<String> out = new ArrayList<>();
        r.events().forEach(e -> out.add(e.message()));
        return out;
    }
}

package io.selfheal.emulator.services.cloudtrail;

import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.DescribeBucket;
import io.selfheal.emulator.messages.PutBucketObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A trail's log files: the records it logs, written to its bucket every {@link #INTERVAL} of emulator time while it
 * is logging ("CloudTrail publishes log files multiple times an hour, about every 5 minutes",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html), one gzipped
 * {@code {"Records":[…]}} file per region, at
 * {@code [prefix/]AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_YYYYMMDDTHHmmZ_<16
 * characters>.json.gz}, the time being the delivery's
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html,
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html). A delivery the
 * bucket refuses (gone, or its policy no longer lets CloudTrail put) is kept for the next one and shows in
 * GetTrailStatus's {@code LatestDeliveryError}. Records wait in memory, at most {@link #MAX_PENDING}; a file is
 * written early when that many are waiting.
 */
final class LogFiles {
    static final Duration INTERVAL = Duration.ofMinutes(5);
    static final int MAX_PENDING = 5_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private final String accountId;
    private final String bucket;
    private final String keyPrefix;
    private final EmulatorClock clock;
    private final InternalBus bus;
    private final Ids ids;
    /** Records by region, in arrival order. */
    private final Map<String, List<String>> pending = new LinkedHashMap<>();
    private int pendingCount;
    private EmulatorClock.Timer timer;
    private boolean logging;
    private Instant latestDelivery;
    private Instant latestAttempt;
    private String latestError;

    LogFiles(String accountId, String bucket, String keyPrefix, EmulatorClock clock, InternalBus bus, Ids ids) {
        this.accountId = accountId;
        this.bucket = bucket;
        this.keyPrefix = keyPrefix;
        this.clock = clock;
        this.bus = bus;
        this.ids = ids;
    }

    /** Logging starts or stops: the first file is due one interval after the start; a stop delivers once more. */
    synchronized void logging(boolean on) {
        logging = on;
        if (on && timer == null) {
            timer = clock.schedule(INTERVAL, this::due);
        }
    }

    /** The trail is deleted: nothing more is written. */
    synchronized void close() {
        logging = false;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        pending.clear();
        pendingCount = 0;
    }

    /** A record the trail logs (its JSON text), for the next file of its region. */
    void add(String region, String record) {
        boolean full;
        synchronized (this) {
            if (!logging) {
                return;
            }
            pending.computeIfAbsent(region, r -> new ArrayList<>()).add(record);
            full = ++pendingCount >= MAX_PENDING;
        }
        if (full) {
            deliver();
        }
    }

    private void due() {
        deliver();
        synchronized (this) {
            timer = logging ? clock.schedule(INTERVAL, this::due) : null;
        }
    }

    /** Writes one file per region with what is waiting; a refused file waits for the next delivery. */
    private void deliver() {
        Map<String, List<String>> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            batch = new LinkedHashMap<>(pending);
            pending.clear();
            pendingCount = 0;
        }
        Instant now = clock.now();
        for (Map.Entry<String, List<String>> file : batch.entrySet()) {
            String error = put(file.getKey(), file.getValue(), now);
            synchronized (this) {
                latestAttempt = now;
                latestError = error;
                if (error == null) {
                    latestDelivery = now;
                } else if (pendingCount + file.getValue().size() <= MAX_PENDING) {
                    pending.computeIfAbsent(file.getKey(), r -> new ArrayList<>()).addAll(0, file.getValue());
                    pendingCount += file.getValue().size();
                }
            }
        }
    }

    /** @return null when written, else the error the bucket answered */
    private String put(String region, List<String> records, Instant at) {
        DescribeBucket.Result target;
        try {
            target = bus.ask(new DescribeBucket(bucket));
        } catch (NoHandlerException noS3) {
            return "NoSuchBucket";
        }
        if (!target.found()) {
            return "NoSuchBucket";
        }
        if (!DeliveryBucketCheck.grants(target.policy(), "s3:PutObject")) {
            return "AccessDenied";
        }
        String name = accountId + "_CloudTrail_" + region + "_" + STAMP.format(at) + "_" + ids.iamId("") + ".json.gz";
        String key = (keyPrefix == null ? "" : keyPrefix + "/") + "AWSLogs/" + accountId + "/CloudTrail/" + region
                + "/" + DAY.format(at) + "/" + name;
        Delivery delivery = bus.ask(new PutBucketObject(bucket, key, "application/x-gzip", gzip(records)));
        return delivery.accepted() ? null : delivery.errorCode();
    }

    private static byte[] gzip(List<String> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < records.size(); i++) {
                if (i > 0) {
                    gz.write(',');
                }
                gz.write(records.get(i).getBytes(StandardCharsets.UTF_8));
            }
            gz.write("]}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** GetTrailStatus's delivery fields: times as AWS writes these strings, the latest error when it failed. */
    synchronized void status(com.fasterxml.jackson.databind.node.ObjectNode out) {
        if (latestDelivery != null) {
            out.set("LatestDeliveryTime", io.selfheal.emulator.protocol.TimestampNode.of(latestDelivery));
            out.put("LatestDeliveryAttemptSucceeded", Records.time(latestDelivery));
        }
        if (latestAttempt != null) {
            out.put("LatestDeliveryAttemptTime", Records.time(latestAttempt));
        }
        if (latestError != null) {
            out.put("LatestDeliveryError", latestError);
        }
    }
}

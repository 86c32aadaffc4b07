package io.selfheal.emulator.services.cloudtrail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.protocol.TimestampNode;
import java.time.Instant;

/**
 * A trail: where it delivers (bucket, prefix), what it covers, and whether it is logging with the times it started and
 * stopped, and its {@link LogFiles}. Settings are fixed at creation (UpdateTrail is not emulated); logging state
 * changes.
 */
final class Trail {
    private final String name;
    private final String arn;
    private final String homeRegion;
    private final String bucket;
    private final String keyPrefix;
    private final boolean multiRegion;
    private final boolean globalServiceEvents;
    private final boolean logFileValidation;
    private volatile boolean logging;
    private volatile Instant startedLogging;
    private volatile Instant stoppedLogging;
    private final LogFiles logFiles;

    Trail(String name, String arn, String homeRegion, String bucket, String keyPrefix, boolean multiRegion,
          boolean globalServiceEvents, boolean logFileValidation, LogFiles logFiles) {
        this.logFiles = logFiles;
        this.name = name;
        this.arn = arn;
        this.homeRegion = homeRegion;
        this.bucket = bucket;
        this.keyPrefix = keyPrefix;
        this.multiRegion = multiRegion;
        this.globalServiceEvents = globalServiceEvents;
        this.logFileValidation = logFileValidation;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String homeRegion() {
        return homeRegion;
    }

    synchronized void logging(boolean on, Instant at) {
        if (on && !logging) {
            startedLogging = at;
        } else if (!on && logging) {
            stoppedLogging = at;
        }
        logging = on;
        logFiles.logging(on);
    }

    /** Whether the trail logs the events of this account and region: its home region's, or every region's. */
    boolean covers(String accountId, String region) {
        return arn.split(":", 6)[4].equals(accountId) && (multiRegion || homeRegion.equals(region));
    }

    LogFiles logFiles() {
        return logFiles;
    }

    /** The CreateTrail answer's fields (also the trail in DescribeTrails/GetTrail, with a few more). */
    ObjectNode created() {
        ObjectNode out = Json.object().put("Name", name).put("S3BucketName", bucket);
        if (keyPrefix != null) {
            out.put("S3KeyPrefix", keyPrefix);
        }
        return out.put("IncludeGlobalServiceEvents", globalServiceEvents).put("IsMultiRegionTrail", multiRegion)
                .put("TrailARN", arn).put("LogFileValidationEnabled", logFileValidation)
                .put("IsOrganizationTrail", false);
    }

    ObjectNode described() {
        return created().put("HomeRegion", homeRegion).put("HasCustomEventSelectors", false)
                .put("HasInsightSelectors", false);
    }

    ObjectNode status() {
        ObjectNode out = Json.object().put("IsLogging", logging);
        if (startedLogging != null) {
            out.set("StartLoggingTime", TimestampNode.of(startedLogging));
            out.put("TimeLoggingStarted", startedLogging.toString());
        }
        if (stoppedLogging != null) {
            out.set("StopLoggingTime", TimestampNode.of(stoppedLogging));
            out.put("TimeLoggingStopped", stoppedLogging.toString());
        }
        logFiles.status(out);
        return out;
    }
}

package io.selfheal.emulator.services.cloudtrail;

import java.time.Instant;
import java.util.List;

/**
 * One event of the event history, with what LookupEvents filters on.
 *
 * @param sequence    arrival order within its account and region (paging tokens point at it)
 * @param record      the CloudTrail record as JSON text (LookupEvents' {@code CloudTrailEvent})
 * @param resources   the resources the call named
 */
record TrailEvent(long sequence, String eventId, String eventName, boolean readOnly, String accessKeyId,
                  Instant eventTime, String eventSource, String username, List<Resource> resources, String record) {

    /** LookupEvents' {@code Resource}: {@code AWS::EC2::Instance} / {@code i-…}. */
    record Resource(String type, String name) {
    }
}

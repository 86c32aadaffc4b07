/**
 * AWS CloudTrail (AWS JSON 1.1, {@code X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.*}):
 * the account's default event history, as every account has it without a trail.
 *
 * <p>The front door hands every answered call that CloudTrail records (management events, as each service
 * registers its operations: {@link io.selfheal.emulator.service.OperationSpec#dataEvent()} marks the data events
 * such as PutEvents, SendMessage, Publish, Invoke, PutLogEvents or PutMetricData, not logged without data-event
 * selectors) to the
 * internal bus as {@link io.selfheal.emulator.messages.ApiCallCompleted}; the record is built on a worker thread, so
 * the event loop only pays one bus hand-off for management calls. Write calls ({@code readOnly: false}) reach the
 * account's default event bus as "AWS API Call via CloudTrail" with source {@code aws.<service>}; every record is
 * kept (the newest 10,000 per account and region) for LookupEvents.
 *
 * <p>Records follow "CloudTrail record contents" (eventVersion 1.08): userIdentity for Root and AssumedRole (Lambda
 * function sessions), errorCode/errorMessage on failed calls, EC2's requestParameters/responseElements in its
 * XML-derived shape (lists as {@code {"items": […]}}) and the other services' as lower-camel JSON.
 *
 * <p>Trails (name an existing bucket whose policy lets CloudTrail write) log every management event of their region
 * (every region's when multi-region) while logging, and write them to the bucket as gzipped log files every five
 * minutes of emulator time ({@code LogFiles}).
 *
 * <p>Not yet: UpdateTrail, event selectors, log file validation digests, SNS notifications, event data stores, CloudTrail Lake, Insights, data-event selectors, tlsDetails (the emulator
 * speaks plain HTTP), and the {@code Resources} of records other than EC2 instances and EventBridge rules.
 */
package io.selfheal.emulator.services.cloudtrail;

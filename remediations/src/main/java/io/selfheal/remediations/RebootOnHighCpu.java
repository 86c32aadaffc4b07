package io.selfheal.remediations;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Reboots the EC2 instance whose CPU alarm went to ALARM. Handler: {@code io.selfheal.remediations.RebootOnHighCpu::handleRequest}.
 *
 * <p>Input: an EventBridge input transformer's output ({@code instance_id}, {@code alarm_name}, {@code state_value},
 * {@code state_timestamp}), the raw "CloudWatch Alarm State Change" event, or a CloudWatch alarm action payload
 * (see {@link AlarmInput}). Output: {@code action} ({@code rebooted | duplicate | skipped | dry-run}),
 * {@code instanceId} and {@code reason}. An input without an instance id, or naming an unknown instance, fails the
 * invocation so that it shows as an error.
 *
 * <p>Environment: {@code AWS_REGION}, credentials and optionally {@code AWS_ENDPOINT_URL} reach the SDK's defaults;
 * {@code DRY_RUN=true} only asks EC2 whether the reboot is allowed; {@code REBOOT_COOLDOWN_SECONDS} (300).
 *
 * <h2>Idempotency</h2>
 * EventBridge delivers at least once, so one alarm transition may arrive several times. Its identity is
 * {@code alarmName@stateTimestamp}. Before rebooting, DescribeInstances reads the instance's
 * {@code selfheal:remediated-by} tag: equal to the key means a duplicate, answered without any mutating call.
 * Otherwise RebootInstances, then CreateTags {@code selfheal:remediated-by=<key>} and
 * {@code selfheal:remediated-at=<time>}. Without a transition identity (only {@code instance_id}) a cooldown
 * stands in: no reboot while {@code selfheal:remediated-at} is younger than {@code REBOOT_COOLDOWN_SECONDS}.
 *
 * <p>Limits, accepted for a reboot (which is itself safe to repeat):
 * <ul>
 *   <li>Check-then-act is not atomic: duplicates delivered concurrently can both read the old tag and both reboot.
 *       EventBridge redeliveries are normally spaced apart; setting the function's reserved concurrency to 1 closes
 *       the window at the cost of serialising all instances.</li>
 *   <li>Only the last key is remembered: a late redelivery of an older transition, after a newer one was handled,
 *       reboots again.</li>
 *   <li>The tags are written after the reboot: if CreateTags fails (logged as an error), a redelivery reboots again.
 *       Tagging first would be worse: a failed reboot would then be recorded as done and never retried.</li>
 *   <li>Anyone who may tag the instance can forge or clear the marker.</li>
 * </ul>
 */
public class RebootOnHighCpu implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Ec2Instances instances;
    private final Clock clock;
    private final Settings settings;
    private final RemediationMarker marker;

    /**
     * The Lambda runtime's constructor: runs once per container, during the init phase, so the EC2 client (and its
     * HTTP client) is shared by all invocations. Region, credentials and endpoint come from the environment only.
     */
    public RebootOnHighCpu() {
        this(Ec2Client.create(), Clock.systemUTC(), Settings.fromEnvironment(System.getenv()));
    }

    /** For tests and local runs: an explicit client and clock, settings from the environment. */
    RebootOnHighCpu(Ec2Client ec2, Clock clock) {
        this(ec2, clock, Settings.fromEnvironment(System.getenv()));
    }

    RebootOnHighCpu(Ec2Client ec2, Clock clock, Settings settings) {
        this.instances = new Ec2Instances(ec2);
        this.clock = clock;
        this.settings = settings;
        this.marker = new RemediationMarker(settings.cooldown());
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        JsonLog log = JsonLog.of(context);
        AlarmInput alarm;
        try {
            alarm = AlarmInput.parse(input);
        } catch (IllegalArgumentException e) {
            log.error("input rejected", "action", "failed", "error", e.getMessage());
            throw e;
        }
        log = log.with("instanceId", alarm.instanceId()).with("alarmName", alarm.alarmName())
                .with("stateTimestamp", alarm.stateTimestamp());
        log.info("remediation requested", "inputShape", alarm.shape().name(), "stateValue", alarm.stateValue(),
                "dryRun", settings.dryRun());
        try {
            Outcome outcome = remediate(alarm, log);
            log.info("remediation finished", "action", outcome.action().wireName(), "reason", outcome.reason());
            return outcome.toMap();
        } catch (RuntimeException e) {
            log.error("remediation failed", "action", "failed", "error", e.getMessage(), "errorType", e.getClass().getName());
            throw e;
        }
    }

    private Outcome remediate(AlarmInput alarm, JsonLog log) {
        String id = alarm.instanceId();
        if (!alarm.inAlarmOrUnstated()) {
            return new Outcome(Outcome.Action.SKIPPED, id, "alarm state is " + alarm.stateValue() + ", not ALARM");
        }
        String key = alarm.idempotencyKey().orElse(null);
        InstanceSnapshot instance = instances.describe(id);
        Instant now = clock.instant();

        switch (marker.verdict(instance.tags(), key, now)) {
            case DUPLICATE:
                return new Outcome(Outcome.Action.DUPLICATE, id, "duplicate: already remediated for " + key);
            case COOLING_DOWN:
                return new Outcome(Outcome.Action.SKIPPED, id, "cooldown: last remediated at "
                        + instance.tags().get(RemediationMarker.AT_TAG) + ", within " + marker.cooldown().toSeconds() + "s");
            case PROCEED:
                break;
        }
        if (!instance.running()) {
            return new Outcome(Outcome.Action.SKIPPED, id, "instance is " + instance.state() + ", not running");
        }
        if (settings.dryRun()) {
            instances.rebootDryRun(id);
            return new Outcome(Outcome.Action.DRY_RUN, id, "would reboot: EC2 answered DryRunOperation");
        }

        instances.reboot(id);
        log.info("reboot requested", "action", "rebooted", "idempotencyKey", key);
        try {
            instances.tag(id, marker.tagsAfterReboot(key, now));
        } catch (SdkException | InstanceNotFoundException e) {
            // The reboot happened; failing now would make the caller retry it. Report loudly instead.
            log.error("remediation marker not written: a redelivery would reboot again", "error", e.getMessage());
            return new Outcome(Outcome.Action.REBOOTED, id, "rebooted; remediation marker not written: " + e.getMessage());
        }
        return new Outcome(Outcome.Action.REBOOTED, id, key == null ? "rebooted (no alarm transition id; cooldown applies)" : "rebooted for " + key);
    }
}

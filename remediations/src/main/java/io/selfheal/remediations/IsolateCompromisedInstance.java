package io.selfheal.remediations;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Contains an EC2 instance GuardDuty reports as compromised. Handler:
 * {@code io.selfheal.remediations.IsolateCompromisedInstance::handleRequest}; policy
 * {@code policies/IsolateCompromisedInstance.json}.
 *
 * <p>Designed after AWS's incident response guidance and its {@code AWSSupport-ContainEC2Instance} runbook
 * (https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/automation-awssupport-containec2instance.html:
 * back up the groups, move every interface through a temporary all-access group to a containment group, handle Auto
 * Scaling, a release mode), and the steps of the AWS Security Incident Response Guide (protect from termination,
 * isolate, detach from Auto Scaling, snapshot, tag). What it adds: it acts on the finding event directly, evidence
 * first, records each interface's groups on the interface itself (no bucket to provision), takes an EC2 lock so
 * concurrent deliveries isolate once, and is idempotent by finding id.
 *
 * <p>Input: an EventBridge "GuardDuty Finding" event. Acts only on {@code Instance} findings of a configured type
 * ({@code FINDING_TYPES}) at or above {@code MIN_SEVERITY}, never on sample or archived findings. Or
 * {@code {"action": "release", "instanceId": "i-…"}} to restore the recorded groups and instance profile. Output:
 * {@code action} ({@code isolated | already-isolated | ignored | skipped | in-progress | dry-run | released |
 * not-isolated}), {@code instanceId}, {@code findingId}, {@code done}, {@code failed}, {@code reason}.
 */
public class IsolateCompromisedInstance implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final String ISOLATED_BY = "selfheal:isolated-by";
    static final String ISOLATED_AT = "selfheal:isolated-at";
    static final String ORIGINAL_GROUPS = "selfheal:original-groups";
    static final String ORIGINAL_PROFILE = "selfheal:original-profile";
    static final String FINDING_TAG = "selfheal:finding-id";
    static final String ASG_TAG = "aws:autoscaling:groupName";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ec2Client ec2;
    private final SnsClient sns;
    private final AutoScalingClient autoScaling;
    private final IsolationSettings settings;
    private final Clock clock;

    public IsolateCompromisedInstance() {
        this(Ec2Client.create(), SnsClient.create(), AutoScalingClient.create(),
                IsolationSettings.fromEnvironment(System.getenv()), Clock.systemUTC());
    }

    IsolateCompromisedInstance(Ec2Client ec2, SnsClient sns, AutoScalingClient autoScaling,
                               IsolationSettings settings, Clock clock) {
        this.ec2 = ec2;
        this.sns = sns;
        this.autoScaling = autoScaling;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        JsonLog log = JsonLog.of(context);
        if (input != null && "release".equals(input.get("action")) && input.get("instanceId") instanceof String id) {
            return release(id, log.with("instanceId", id).with("mode", "release"));
        }
        GuardDutyFinding finding = GuardDutyFinding.from(input);
        if (finding == null) {
            log.error("input rejected", "action", "failed", "error", "not a GuardDuty Finding event");
            throw new IllegalArgumentException("expected an EventBridge \"GuardDuty Finding\" event or "
                    + "{\"action\":\"release\",\"instanceId\":…}");
        }
        log = log.with("findingId", finding.id()).with("findingType", finding.type())
                .with("instanceId", finding.instanceId());
        String ignored = whyIgnored(finding);
        if (ignored != null) {
            log.info("remediation finished", "action", "ignored", "reason", ignored);
            return result("ignored", finding, ignored, null);
        }
        return isolate(finding, log);
    }

    private String whyIgnored(GuardDutyFinding f) {
        if (f.sample()) {
            return "sample finding";
        }
        if (f.archived()) {
            return "archived finding";
        }
        if (f.instanceId() == null) {
            return "not an instance finding";
        }
        if (!settings.findingTypes().contains(f.type())) {
            return "finding type not configured: " + f.type();
        }
        if (f.severity() < settings.minSeverity()) {
            return "severity " + f.severity() + " below " + settings.minSeverity();
        }
        return null;
    }

    private Map<String, Object> isolate(GuardDutyFinding finding, JsonLog log) {
        Instance before = Ec2Instances.find(ec2, finding.instanceId());
        String skip = whySkipped(before, finding);
        if (skip != null) {
            String action = skip.startsWith("already") ? "already-isolated" : "skipped";
            log.info("remediation finished", "action", action, "reason", skip);
            return result(action, finding, skip, null);
        }
        if (settings.dryRun()) {
            List<String> plan = plan(before);
            log.info("remediation finished", "action", "dry-run", "plan", plan);
            return result("dry-run", finding, null, new IsolationSteps(log)).plus("plan", plan);
        }
        // A claim only one delivery can take (a group name is unique per VPC), then the live state again.
        String claim = "selfheal-claim-" + before.instanceId();
        String claimId;
        try {
            claimId = ec2.createSecurityGroup(r -> r.vpcId(before.vpcId()).groupName(claim)
                    .description("isolation in progress for " + finding.id())).groupId();
        } catch (Ec2Exception e) {
            if ("InvalidGroup.Duplicate".equals(Ec2Instances.errorCode(e))) {
                log.info("remediation finished", "action", "in-progress", "reason", "another delivery holds " + claim);
                return result("in-progress", finding, "another delivery is isolating it", null);
            }
            throw e;
        }
        try {
            Instance live = Ec2Instances.find(ec2, finding.instanceId());
            String late = whySkipped(live, finding);
            if (late != null) {
                log.info("remediation finished", "action", "already-isolated", "reason", late);
                return result(late.startsWith("already") ? "already-isolated" : "skipped", finding, late, null);
            }
            IsolationSteps steps = contain(live, finding, log);
            notify(live, finding, steps, log);
            String action = steps.failed().isEmpty() ? "isolated" : "isolated-with-failures";
            log.info("remediation finished", "action", action, "done", steps.done(), "failed", steps.failed().size());
            return result(action, finding, null, steps);
        } finally {
            ec2.deleteSecurityGroup(r -> r.groupId(claimId));
        }
    }

    /** Why nothing is to be done for this instance now, or null. */
    private static String whySkipped(Instance i, GuardDutyFinding finding) {
        if (i == null) {
            return "instance not found";
        }
        String state = i.state().nameAsString();
        if (state.equals("terminated") || state.equals("shutting-down")) {
            return "instance " + state;
        }
        String by = Ec2Instances.tags(i).get(ISOLATED_BY);
        if (by != null) {
            return by.equals(finding.id()) ? "already isolated for this finding" : "already isolated for " + by;
        }
        return null;
    }

    private IsolationSteps contain(Instance i, GuardDutyFinding finding, JsonLog log) {
        IsolationSteps steps = new IsolationSteps(log);
        String id = i.instanceId();
        // Evidence first: each interface's groups, then every volume.
        for (InstanceNetworkInterface eni : i.networkInterfaces()) {
            String groups = eni.groups().stream().map(g -> g.groupId()).collect(Collectors.joining(","));
            steps.run("record groups of " + eni.networkInterfaceId(), () -> ec2.createTags(r -> r
                    .resources(eni.networkInterfaceId()).tags(tag(ORIGINAL_GROUPS, groups))));
        }
        steps.run("snapshot every volume", () -> ec2.createSnapshots(r -> r
                .instanceSpecification(s -> s.instanceId(id)).copyTagsFromSource("volume")
                .description("Forensic copy for GuardDuty finding " + finding.id())
                .tagSpecifications(t -> t.resourceType(ResourceType.SNAPSHOT)
                        .tags(tag(FINDING_TAG, finding.id()), tag("selfheal:instance-id", id)))));
        steps.run("termination protection", () -> ec2.modifyInstanceAttribute(r -> r.instanceId(id)
                .disableApiTermination(v -> v.value(true))));
        steps.run("stop protection", () -> ec2.modifyInstanceAttribute(r -> r.instanceId(id)
                .disableApiStop(v -> v.value(true))));
        String group = Ec2Instances.tags(i).get(ASG_TAG);
        if (group != null) {
            // Detached, the group launches a replacement and no longer manages (or terminates) this one.
            steps.run("detach from Auto Scaling group " + group, () -> autoScaling.detachInstances(r -> r
                    .autoScalingGroupName(group).instanceIds(id).shouldDecrementDesiredCapacity(false)));
        }
        IsolationGroups groups = new IsolationGroups(ec2, settings.securityTeamCidr());
        // when EC2 moved the last interface, by EC2's clock (CloudTime): the moment the instance was cut off
        AtomicReference<Instant> isolatedAt = new AtomicReference<>();
        for (InstanceNetworkInterface eni : i.networkInterfaces()) {
            String eniId = eni.networkInterfaceId();
            if (settings.breakTracking()) {
                steps.run("open " + eniId + " (untrack connections)", () -> ec2.modifyNetworkInterfaceAttribute(r -> r
                        .networkInterfaceId(eniId).groups(groups.open(eni.vpcId()))));
            }
            steps.run("isolate " + eniId, () -> isolatedAt.set(CloudTime.of(ec2.modifyNetworkInterfaceAttribute(
                    r -> r.networkInterfaceId(eniId).groups(groups.isolation(eni.vpcId()))), clock)));
        }
        for (IamInstanceProfileAssociation a : profiles(id)) {
            steps.run("record instance profile", () -> ec2.createTags(r -> r.resources(id)
                    .tags(tag(ORIGINAL_PROFILE, a.iamInstanceProfile().arn()))));
            steps.run("detach instance profile", () -> ec2.disassociateIamInstanceProfile(r -> r
                    .associationId(a.associationId())));
        }
        steps.run("tag instance", () -> ec2.createTags(r -> r.resources(id).tags(tag(ISOLATED_BY, finding.id()),
                tag(ISOLATED_AT, (isolatedAt.get() != null ? isolatedAt.get() : clock.instant())
                        .truncatedTo(ChronoUnit.SECONDS).toString()))));
        return steps;
    }

    private List<IamInstanceProfileAssociation> profiles(String instanceId) {
        return ec2.describeIamInstanceProfileAssociations(r -> r.filters(
                Filter.builder().name("instance-id").values(instanceId).build())).iamInstanceProfileAssociations();
    }

    private List<String> plan(Instance i) {
        List<String> plan = new ArrayList<>();
        i.networkInterfaces().forEach(e -> plan.add("isolate " + e.networkInterfaceId() + " (now "
                + e.groups().stream().map(g -> g.groupId()).collect(Collectors.joining(",")) + ")"));
        i.blockDeviceMappings().forEach(b -> plan.add("snapshot " + b.ebs().volumeId()));
        plan.add("termination and stop protection");
        if (i.iamInstanceProfile() != null) {
            plan.add("detach instance profile " + i.iamInstanceProfile().arn());
        }
        return plan;
    }

    private void notify(Instance i, GuardDutyFinding finding, IsolationSteps steps, JsonLog log) {
        if (settings.topicArn() == null) {
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("instanceId", i.instanceId());
        message.put("findingId", finding.id());
        message.put("findingType", finding.type());
        message.put("severity", finding.severity());
        message.put("done", steps.done());
        message.put("failed", steps.failed());
        steps.run("notify", () -> sns.publish(r -> r.topicArn(settings.topicArn())
                .subject("Isolated " + i.instanceId() + " (" + finding.type() + ")").message(json(message))));
    }

    /** Restores each interface's recorded groups and the recorded instance profile, and drops the isolation tags. */
    private Map<String, Object> release(String instanceId, JsonLog log) {
        Instance i = Ec2Instances.find(ec2, instanceId);
        Map<String, String> tags = i == null ? Map.of() : Ec2Instances.tags(i);
        if (i == null || !tags.containsKey(ISOLATED_BY)) {
            log.info("remediation finished", "action", "not-isolated");
            return new Result("not-isolated").plus("instanceId", instanceId);
        }
        IsolationSteps steps = new IsolationSteps(log);
        for (InstanceNetworkInterface eni : i.networkInterfaces()) {
            String recorded = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId()))
                    .networkInterfaces().get(0).tagSet().stream().filter(t -> t.key().equals(ORIGINAL_GROUPS))
                    .map(Tag::value).findFirst().orElse(null);
            if (recorded == null || recorded.isEmpty()) {
                steps.failed().add(Map.of("step", "restore " + eni.networkInterfaceId(), "error", "no recorded groups"));
                continue;
            }
            steps.run("restore " + eni.networkInterfaceId(), () -> ec2.modifyNetworkInterfaceAttribute(r -> r
                    .networkInterfaceId(eni.networkInterfaceId()).groups(recorded.split(","))));
        }
        String profile = tags.get(ORIGINAL_PROFILE);
        if (profile != null && profiles(instanceId).isEmpty()) {
            steps.run("restore instance profile", () -> ec2.associateIamInstanceProfile(r -> r.instanceId(instanceId)
                    .iamInstanceProfile(p -> p.arn(profile))));
        }
        steps.run("untag instance", () -> ec2.deleteTags(r -> r.resources(instanceId)
                .tags(Tag.builder().key(ISOLATED_BY).build(), Tag.builder().key(ISOLATED_AT).build(),
                        Tag.builder().key(ORIGINAL_PROFILE).build())));
        log.info("remediation finished", "action", "released", "done", steps.done(), "failed", steps.failed().size());
        return new Result("released").plus("instanceId", instanceId).plus("done", steps.done())
                .plus("failed", steps.failed());
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Result result(String action, GuardDutyFinding f, String reason, IsolationSteps steps) {
        Result r = new Result(action).plus("instanceId", f.instanceId()).plus("findingId", f.id());
        if (reason != null) {
            r.plus("reason", reason);
        }
        if (steps != null) {
            r.plus("done", steps.done()).plus("failed", steps.failed());
        }
        return r;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("only strings, numbers and lists are written", e);
        }
    }

    /** The handler's output, built in order. */
    private static final class Result extends LinkedHashMap<String, Object> {
        Result(String action) {
            put("action", action);
        }

        Result plus(String key, Object value) {
            put(key, value);
            return this;
        }
    }
}

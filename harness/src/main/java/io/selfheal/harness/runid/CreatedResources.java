package io.selfheal.harness.runid;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.config.model.PutConfigRuleRequest;
import software.amazon.awssdk.services.config.model.PutConfigurationRecorderRequest;
import software.amazon.awssdk.services.config.model.PutDeliveryChannelRequest;
import software.amazon.awssdk.services.config.model.StartConfigurationRecorderRequest;
import software.amazon.awssdk.services.ec2.model.AttachVolumeRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.eventbridge.model.CreateApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.guardduty.model.CreateDetectorResponse;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;

/**
 * The run's ledger: every resource a create call made through the run's clients (provisioning, faults, whatever
 * calls them), recorded from the call and its answer once it succeeded, and deleted in reverse order by
 * {@link #deleteAll}. Attachments are entries of their own (a role's inline policy, a rule's targets), so reverse
 * order takes them off before their owner goes. A function's log group is Lambda's doing, not a call of the run:
 * it is deleted with the function.
 */
public final class CreatedResources implements ExecutionInterceptor {
    private final List<Deletion> created = new ArrayList<>();
    private boolean deleted;

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        List<Deletion> made = deletions(context.request(), context.response());
        synchronized (this) {
            created.addAll(made);
        }
    }

    /** What has been created so far, in order. */
    public synchronized List<String> resources() {
        return created.stream().map(Deletion::resource).toList();
    }

    /**
     * Deletes everything recorded, newest first, once: a second call deletes nothing. Failures are reported, never
     * thrown, and do not stop the others.
     */
    public CleanupReport deleteAll(ServiceClients clients) {
        List<Deletion> todo;
        synchronized (this) {
            if (deleted) {
                return CleanupReport.NONE;
            }
            deleted = true;
            todo = new ArrayList<>(created);
        }
        java.util.Collections.reverse(todo);
        return CleanupReport.run(todo, clients);
    }

    static List<Deletion> deletions(SdkRequest request, SdkResponse response) {
        if (request instanceof CreateRoleRequest r) {
            return List.of(RunResources.role(r.roleName()));
        } else if (request instanceof PutRolePolicyRequest r) {
            return List.of(new Deletion("iam role policy " + r.roleName() + "/" + r.policyName(),
                    c -> c.iam().deleteRolePolicy(d -> d.roleName(r.roleName()).policyName(r.policyName()))));
        } else if (request instanceof AttachRolePolicyRequest r) {
            return List.of(new Deletion("iam role attachment " + r.roleName() + " " + r.policyArn(),
                    c -> c.iam().detachRolePolicy(d -> d.roleName(r.roleName()).policyArn(r.policyArn()))));
        } else if (request instanceof CreateFunctionRequest r) {
            // The log group first in the ledger: reverse order deletes the function, then what it logged.
            return List.of(RunResources.logGroup("/aws/lambda/" + r.functionName()),
                    RunResources.function(r.functionName()));
        } else if (response instanceof CreateEventSourceMappingResponse m) {
            return List.of(RunResources.eventSourceMapping(m.uuid()));
        } else if (response instanceof CreateQueueResponse q) {
            return List.of(RunResources.queue(q.queueUrl()));
        } else if (response instanceof CreateTopicResponse t) {
            return List.of(RunResources.topic(t.topicArn()));
        } else if (request instanceof PutRuleRequest r) {
            return List.of(RunResources.rule(r.name(), r.eventBusName()));
        } else if (request instanceof PutTargetsRequest r) {
            List<String> ids = r.targets().stream().map(Target::id).toList();
            return List.of(new Deletion("events targets " + r.rule() + " " + ids, c -> c.events().removeTargets(
                    d -> d.rule(r.rule()).eventBusName(r.eventBusName()).ids(ids))));
        } else if (request instanceof CreateConnectionRequest r) {
            return List.of(RunResources.connection(r.name()));
        } else if (request instanceof CreateApiDestinationRequest r) {
            return List.of(RunResources.apiDestination(r.name()));
        } else if (request instanceof PutMetricAlarmRequest r) {
            return List.of(RunResources.alarm(r.alarmName()));
        } else if (request instanceof CreateLogGroupRequest r) {
            return List.of(RunResources.logGroup(r.logGroupName()));
        } else if (response instanceof CreateSecurityGroupResponse g) {
            return List.of(RunResources.securityGroup(g.groupId()));
        } else if (response instanceof RunInstancesResponse i) {
            return List.of(RunResources.instances(i.instances().stream().map(Instance::instanceId).toList()));
        } else if (request instanceof CreateBucketRequest r) {
            return List.of(RunResources.bucket(r.bucket()));
        } else if (request instanceof PutConfigRuleRequest r) {
            return List.of(RunResources.configRule(r.configRule().configRuleName()));
        } else if (request instanceof PutConfigurationRecorderRequest r) {
            String name = r.configurationRecorder().name();
            return List.of(new Deletion("config recorder " + name,
                    c -> c.config().deleteConfigurationRecorder(d -> d.configurationRecorderName(name))));
        } else if (request instanceof StartConfigurationRecorderRequest r) {
            return List.of(new Deletion("config recorder " + r.configurationRecorderName() + " (stopped)",
                    c -> c.config().stopConfigurationRecorder(d -> d.configurationRecorderName(
                            r.configurationRecorderName()))));
        } else if (request instanceof PutDeliveryChannelRequest r) {
            String name = r.deliveryChannel().name();
            return List.of(new Deletion("config delivery channel " + name,
                    c -> c.config().deleteDeliveryChannel(d -> d.deliveryChannelName(name))));
        } else if (request instanceof CreateLaunchTemplateRequest r) {
            return List.of(RunResources.launchTemplate(r.launchTemplateName()));
        } else if (request instanceof CreateAutoScalingGroupRequest r) {
            return List.of(RunResources.autoScalingGroup(r.autoScalingGroupName()));
        } else if (request instanceof CreateInstanceProfileRequest r) {
            return List.of(RunResources.instanceProfile(r.instanceProfileName()));
        } else if (request instanceof AddRoleToInstanceProfileRequest r) {
            return List.of(RunResources.instanceProfileRole(r.instanceProfileName(), r.roleName()));
        } else if (response instanceof CreateVolumeResponse v) {
            return List.of(new Deletion("ec2 volume " + v.volumeId(),
                    c -> c.ec2().deleteVolume(d -> d.volumeId(v.volumeId()))));
        } else if (request instanceof AttachVolumeRequest r) {
            return List.of(new Deletion("ec2 volume attachment " + r.volumeId() + " " + r.device(),
                    c -> c.ec2().detachVolume(d -> d.volumeId(r.volumeId()).force(true))));
        } else if (response instanceof CreateDetectorResponse d) {
            return List.of(new Deletion("guardduty detector " + d.detectorId(),
                    c -> c.guardDuty().deleteDetector(x -> x.detectorId(d.detectorId()))));
        }
        return List.of();
    }
}

package io.selfheal.harness.engine;

import io.selfheal.harness.scenario.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Creates a scenario's stack through the AWS APIs, in dependency order: queues, topics, log groups,
 * security groups, instances, functions, alarms, rules (with
 * the permission that lets EventBridge invoke each function target, as the team's IaC would grant it, and the
 * connection and API destination of each httpEndpoint target).
 */
final class Provisioner {
    private static final Duration INSTANCE_START = Duration.ofSeconds(30);

    private final CloudClients clients;
    private final io.selfheal.harness.backend.Cloud cloud;
    private final StackState state;
    private final String accountId;
    private final String region;

    Provisioner(CloudClients clients, io.selfheal.harness.backend.Cloud cloud, StackState state, String accountId,
                String region) {
        this.clients = clients;
        this.cloud = cloud;
        this.state = state;
        this.accountId = accountId;
        this.region = region;
    }

    void provision(Stack stack) {
        MessagingProvisioner messaging = new MessagingProvisioner(clients, state, accountId, region);
        messaging.queuesTopicsAndLogs(stack);
        new SecurityGroupProvisioner(clients.ec2(), state, accountId, region).provision(stack.securityGroups().values());
        stack.instances().values().forEach(this::instance);
        stack.functions().values().forEach(this::function);
        stack.alarms().values().forEach(this::alarm);
        stack.rules().values().forEach(this::rule);
        messaging.deliveryPolicies(stack);
    }

    private void instance(Stack.Instance spec) {
        List<Tag> tags = new ArrayList<>();
        state.resolve(spec.tags()).forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        var builder = software.amazon.awssdk.services.ec2.model.RunInstancesRequest.builder()
                .imageId(spec.imageId()).instanceType(spec.instanceType()).minCount(1).maxCount(1)
                .monitoring(m -> m.enabled(spec.detailedMonitoring()));
        if (!spec.securityGroups().isEmpty()) {
            builder.securityGroupIds(spec.securityGroups().stream()
                    .map(g -> state.get("securityGroups", g, "id")).toList());
        }
        if (!tags.isEmpty()) {
            builder.tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(tags).build());
        }
        String id = clients.ec2().runInstances(builder.build()).instances().get(0).instanceId();
        state.put("instances", spec.key(), "id", id);
        state.put("instances", spec.key(), "arn", "arn:aws:ec2:" + region + ":" + accountId + ":instance/" + id);
        Waits.until(cloud, "instance " + spec.key() + " (" + id + ") running", INSTANCE_START,
                () -> clients.ec2().describeInstances(r -> r.instanceIds(id)).reservations().get(0)
                        .instances().get(0).state().name() == InstanceStateName.RUNNING);
    }

    private void function(Stack.Function spec) {
        byte[] code;
        try {
            code = DeploymentPackage.of(spec.code());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the code of function " + spec.key(), e);
        }
        String arn = clients.lambda().createFunction(r -> r.functionName(spec.name()).runtime(spec.runtime())
                .handler(spec.handler()).role("arn:aws:iam::" + accountId + ":role/" + spec.name() + "-role")
                .timeout(spec.timeout()).memorySize(spec.memory())
                .environment(e -> e.variables(state.resolve(spec.environment())))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(code)))).functionArn();
        state.put("functions", spec.key(), "name", spec.name());
        state.put("functions", spec.key(), "arn", arn);
    }

    private void alarm(Stack.Alarm spec) {
        List<Dimension> dimensions = new ArrayList<>();
        state.resolve(spec.dimensions()).forEach((k, v) -> dimensions.add(Dimension.builder().name(k).value(v).build()));
        clients.cloudWatch().putMetricAlarm(r -> r.alarmName(spec.name()).alarmDescription(spec.description())
                .namespace(spec.namespace()).metricName(spec.metric()).dimensions(dimensions)
                .statistic(spec.statistic()).period(spec.period()).evaluationPeriods(spec.evaluationPeriods())
                .datapointsToAlarm(spec.datapointsToAlarm()).treatMissingData(spec.treatMissingData())
                .threshold(spec.threshold()).comparisonOperator(spec.comparison()));
        state.put("alarms", spec.key(), "name", spec.name());
        state.put("alarms", spec.key(), "arn", "arn:aws:cloudwatch:" + region + ":" + accountId + ":alarm:" + spec.name());
    }

    private void rule(Stack.Rule spec) {
        String ruleArn = clients.events().putRule(r -> r.name(spec.name()).eventPattern(state.resolve(spec.pattern()))
                .state(spec.enabled() ? RuleState.ENABLED : RuleState.DISABLED)).ruleArn();
        state.put("rules", spec.key(), "name", spec.name());
        state.put("rules", spec.key(), "arn", ruleArn);
        List<Target> targets = new ArrayList<>();
        var apiDestinations = new ApiDestinationProvisioner(clients.events(), state, accountId);
        for (Stack.Target t : spec.targets()) {
            String targetArn = t.function() != null ? state.get("functions", t.function(), "arn")
                    : t.queue() != null ? state.get("queues", t.queue(), "arn")
                    : t.topic() != null ? state.get("topics", t.topic(), "arn") : apiDestinations.create(spec, t);
            if (t.function() != null && t.permission()) {
                clients.lambda().addPermission(r -> r.functionName(targetArn)
                        .statementId("events-" + spec.name() + "-" + t.id()).action("lambda:InvokeFunction")
                        .principal("events.amazonaws.com").sourceArn(ruleArn));
            }
            Target.Builder target = Target.builder().id(t.id()).arn(targetArn);
            if (t.httpEndpoint() != null) {
                target.roleArn(apiDestinations.roleArn(spec));
            }
            if (t.retryPolicy() != null) {
                target.retryPolicy(r -> r.maximumRetryAttempts(t.retryPolicy().maximumRetryAttempts())
                        .maximumEventAgeInSeconds(t.retryPolicy().maximumEventAgeInSeconds()));
            }
            if (t.deadLetterQueue() != null) {
                target.deadLetterConfig(d -> d.arn(state.get("queues", t.deadLetterQueue(), "arn")));
            }
            if (t.input() != null) {
                target.input(state.resolve(t.input()));
            } else if (t.inputPath() != null) {
                target.inputPath(t.inputPath());
            } else if (t.transformer() != null) {
                target.inputTransformer(InputTransformer.builder().inputPathsMap(t.transformer().inputPathsMap())
                        .inputTemplate(state.resolve(t.transformer().inputTemplate())).build());
            }
            targets.add(target.build());
        }
        PutTargetsResponse response = clients.events().putTargets(r -> r.rule(spec.name()).targets(targets));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            throw new IllegalStateException("PutTargets refused targets of rule " + spec.name() + ": "
                    + response.failedEntries());
        }
    }
}

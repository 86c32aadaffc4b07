package io.selfheal.harness.runid;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.config.model.ConfigRule;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * What a run left behind ({@code selfheal cleanup --run-id}): every resource whose name carries the run's prefix
 * {@code sh-<runid>-} (only a run of that id names things so) found through each service's own listing — with its
 * name-prefix filter where it has one — and EC2's instances and security groups by their {@value
 * RunIdentity#RUN_ID_TAG} tag filter. Deletions come in an order AWS accepts: targets before rules, mappings before
 * functions, instances before their security groups, policies before roles.
 */
public final class Leftovers {
    private final List<Deletion> found = new ArrayList<>();
    private final List<String> unlisted = new ArrayList<>();

    /**
     * @param deletions what to delete, in order
     * @param unlisted  the listings that failed, each with AWS's answer (what they would have found is unknown)
     */
    public record Found(List<Deletion> deletions, List<String> unlisted) {
    }

    private Leftovers() {
    }

    /** Lists every leftover of run {@code runId}. */
    public static Found find(ServiceClients c, String runId) {
        String prefix = RunIdentity.prefix(RunIdentity.check(runId));
        Leftovers l = new Leftovers();
        l.list("events rules", () -> c.events().listRules(r -> r.namePrefix(prefix)).rules()
                .forEach(rule -> l.found.add(RunResources.rule(rule.name(), rule.eventBusName()))));
        l.list("events api destinations", () -> c.events().listApiDestinations(r -> r.namePrefix(prefix))
                .apiDestinations().forEach(d -> l.found.add(RunResources.apiDestination(d.name()))));
        l.list("events connections", () -> c.events().listConnections(r -> r.namePrefix(prefix)).connections()
                .forEach(d -> l.found.add(RunResources.connection(d.name()))));
        l.list("cloudwatch alarms", () -> c.cloudWatch().describeAlarmsPaginator(r -> r.alarmNamePrefix(prefix))
                .metricAlarms().forEach(a -> l.found.add(RunResources.alarm(a.alarmName()))));
        l.list("config rules", () -> c.config().describeConfigRules().configRules().stream()
                .map(ConfigRule::configRuleName).filter(n -> n.startsWith(prefix))
                .forEach(n -> l.found.add(RunResources.configRule(n))));
        l.list("config recorders", () -> configRecording(c, prefix, l.found));
        l.list("lambda functions", () -> c.lambda().listFunctionsPaginator().functions().stream()
                .filter(f -> f.functionName().startsWith(prefix)).forEach(f -> {
                    c.lambda().listEventSourceMappingsPaginator(r -> r.functionName(f.functionName()))
                            .eventSourceMappings().forEach(m -> l.found.add(RunResources.eventSourceMapping(m.uuid())));
                    l.found.add(RunResources.function(f.functionName()));
                }));
        for (String groupPrefix : List.of("/aws/lambda/" + prefix, prefix, "/sh-" + runId + "/")) {
            l.list("logs log groups " + groupPrefix, () -> c.logs().describeLogGroupsPaginator(
                    r -> r.logGroupNamePrefix(groupPrefix)).logGroups()
                    .forEach(g -> l.found.add(RunResources.logGroup(g.logGroupName()))));
        }
        Filter tagged = Filter.builder().name("tag:" + RunIdentity.RUN_ID_TAG).values(runId).build();
        l.list("ec2 instances", () -> {
            List<String> ids = c.ec2().describeInstancesPaginator(r -> r.filters(tagged)).reservations().stream()
                    .flatMap(r -> r.instances().stream())
                    .filter(i -> i.state().name() != InstanceStateName.TERMINATED).map(Instance::instanceId).toList();
            if (!ids.isEmpty()) {
                l.found.add(RunResources.instances(ids));
            }
        });
        l.list("ec2 security groups", () -> c.ec2().describeSecurityGroupsPaginator(r -> r.filters(tagged))
                .securityGroups().forEach(g -> l.found.add(RunResources.securityGroup(g.groupId()))));
        l.list("sns topics", () -> c.sns().listTopicsPaginator().topics().stream()
                .filter(t -> t.topicArn().substring(t.topicArn().lastIndexOf(':') + 1).startsWith(prefix))
                .forEach(t -> l.found.add(RunResources.topic(t.topicArn()))));
        l.list("sqs queues", () -> c.sqs().listQueuesPaginator(r -> r.queueNamePrefix(prefix)).queueUrls()
                .forEach(u -> l.found.add(RunResources.queue(u))));
        l.list("s3 buckets", () -> c.s3().listBuckets().buckets().stream().filter(b -> b.name().startsWith(prefix))
                .forEach(b -> l.found.add(RunResources.bucket(b.name()))));
        l.list("iam roles", () -> c.iam().listRolesPaginator().roles().stream()
                .filter(r -> r.roleName().startsWith(prefix)).forEach(r -> l.found.add(RunResources.role(r.roleName()))));
        return new Found(List.copyOf(l.found), List.copyOf(l.unlisted));
    }

    /** A recorder of the run's is stopped, its delivery channel deleted, then the recorder (Config's order). */
    private static void configRecording(ServiceClients c, String prefix, List<Deletion> found) {
        var config = c.config();
        config.describeConfigurationRecorders().configurationRecorders().stream()
                .filter(r -> r.name().startsWith(prefix)).forEach(r -> found.add(new Deletion(
                        "config recorder " + r.name() + " (stopped)", x -> x.config().stopConfigurationRecorder(
                                s -> s.configurationRecorderName(r.name())))));
        config.describeDeliveryChannels().deliveryChannels().stream().filter(d -> d.name().startsWith(prefix))
                .forEach(d -> found.add(new Deletion("config delivery channel " + d.name(),
                        x -> x.config().deleteDeliveryChannel(s -> s.deliveryChannelName(d.name())))));
        config.describeConfigurationRecorders().configurationRecorders().stream()
                .filter(r -> r.name().startsWith(prefix)).forEach(r -> found.add(new Deletion(
                        "config recorder " + r.name(), x -> x.config().deleteConfigurationRecorder(
                                s -> s.configurationRecorderName(r.name())))));
    }

    private void list(String what, Runnable listing) {
        try {
            listing.run();
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            unlisted.add(what + ": " + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
        } catch (RuntimeException e) {
            unlisted.add(what + ": " + e);
        }
    }

}

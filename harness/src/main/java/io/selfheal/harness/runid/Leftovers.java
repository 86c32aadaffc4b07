package io.selfheal.harness.runid;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.config.model.ConfigRule;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * What a run left behind ({@code selfheal cleanup --run-id}): every resource whose name ends with the run's marker
 * {@code -sh-<runid>} (only a run of that id names things so) found through each service's own listing, and EC2's
 * instances and security groups by their {@value RunIdentity#RUN_ID_TAG} tag filter (EC2 is the one whose listings
 * filter by tag). The marker is a suffix, so the services' name-prefix filters cannot narrow the listings. Deletions come in an order AWS accepts: targets before rules, mappings before
 * functions, groups before their instances and launch templates, instances before their security groups, instance
 * profiles and policies before roles.
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
        RunIdentity.check(runId);
        java.util.function.Predicate<String> ours = name -> RunIdentity.names(name, runId);
        Leftovers l = new Leftovers();
        l.list("events rules", () -> pages(token -> {
            var page = c.events().listRules(r -> r.nextToken(token));
            page.rules().stream().filter(rule -> ours.test(rule.name()))
                    .forEach(rule -> l.found.add(RunResources.rule(rule.name(), rule.eventBusName())));
            return page.nextToken();
        }));
        l.list("events api destinations", () -> pages(token -> {
            var page = c.events().listApiDestinations(r -> r.nextToken(token));
            page.apiDestinations().stream().filter(d -> ours.test(d.name()))
                    .forEach(d -> l.found.add(RunResources.apiDestination(d.name())));
            return page.nextToken();
        }));
        l.list("events connections", () -> pages(token -> {
            var page = c.events().listConnections(r -> r.nextToken(token));
            page.connections().stream().filter(d -> ours.test(d.name()))
                    .forEach(d -> l.found.add(RunResources.connection(d.name())));
            return page.nextToken();
        }));
        l.list("cloudwatch alarms", () -> c.cloudWatch().describeAlarmsPaginator().metricAlarms().stream()
                .filter(a -> ours.test(a.alarmName())).forEach(a -> l.found.add(RunResources.alarm(a.alarmName()))));
        l.list("config rules", () -> c.config().describeConfigRules().configRules().stream()
                .map(ConfigRule::configRuleName).filter(ours).forEach(n -> l.found.add(RunResources.configRule(n))));
        l.list("config recorders", () -> configRecording(c, ours, l.found));
        l.list("lambda functions", () -> c.lambda().listFunctionsPaginator().functions().stream()
                .filter(f -> ours.test(f.functionName())).forEach(f -> {
                    c.lambda().listEventSourceMappingsPaginator(r -> r.functionName(f.functionName()))
                            .eventSourceMappings().forEach(m -> l.found.add(RunResources.eventSourceMapping(m.uuid())));
                    l.found.add(RunResources.function(f.functionName()));
                }));
        // A function's log group is /aws/lambda/<function>: it ends with the marker too.
        l.list("logs log groups", () -> c.logs().describeLogGroupsPaginator().logGroups().stream()
                .filter(g -> ours.test(g.logGroupName())).forEach(g -> l.found.add(RunResources.logGroup(
                        g.logGroupName()))));
        // Groups before instances and templates: deleting a group (forced) terminates the instances it launched.
        l.list("autoscaling groups", () -> c.autoScaling().describeAutoScalingGroupsPaginator().autoScalingGroups()
                .stream().filter(g -> ours.test(g.autoScalingGroupName()))
                .forEach(g -> l.found.add(RunResources.autoScalingGroup(g.autoScalingGroupName()))));
        l.list("ec2 launch templates", () -> c.ec2().describeLaunchTemplatesPaginator().launchTemplates().stream()
                .filter(t -> ours.test(t.launchTemplateName()))
                .forEach(t -> l.found.add(RunResources.launchTemplate(t.launchTemplateName()))));
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
                .filter(t -> ours.test(t.topicArn().substring(t.topicArn().lastIndexOf(':') + 1)))
                .forEach(t -> l.found.add(RunResources.topic(t.topicArn()))));
        l.list("sqs queues", () -> c.sqs().listQueuesPaginator().queueUrls().stream()
                .filter(u -> ours.test(u.substring(u.lastIndexOf('/') + 1)))
                .forEach(u -> l.found.add(RunResources.queue(u))));
        l.list("s3 buckets", () -> c.s3().listBuckets().buckets().stream().filter(b -> ours.test(b.name()))
                .forEach(b -> l.found.add(RunResources.bucket(b.name()))));
        // A role is deleted only once no instance profile holds it.
        l.list("iam instance profiles", () -> c.iam().listInstanceProfilesPaginator().instanceProfiles().stream()
                .filter(i -> ours.test(i.instanceProfileName())).forEach(i -> {
                    i.roles().forEach(r -> l.found.add(RunResources.instanceProfileRole(i.instanceProfileName(),
                            r.roleName())));
                    l.found.add(RunResources.instanceProfile(i.instanceProfileName()));
                }));
        l.list("iam roles", () -> c.iam().listRolesPaginator().roles().stream()
                .filter(r -> ours.test(r.roleName())).forEach(r -> l.found.add(RunResources.role(r.roleName()))));
        return new Found(List.copyOf(l.found), List.copyOf(l.unlisted));
    }

    /** EventBridge's listings have no paginator: {@code page} reads one page and answers the next token. */
    private static void pages(java.util.function.UnaryOperator<String> page) {
        String token = null;
        do {
            token = page.apply(token);
        } while (token != null && !token.isEmpty());
    }

    /** A recorder of the run's is stopped, its delivery channel deleted, then the recorder (Config's order). */
    private static void configRecording(ServiceClients c, java.util.function.Predicate<String> ours,
                                        List<Deletion> found) {
        var config = c.config();
        config.describeConfigurationRecorders().configurationRecorders().stream()
                .filter(r -> ours.test(r.name())).forEach(r -> found.add(new Deletion(
                        "config recorder " + r.name() + " (stopped)", x -> x.config().stopConfigurationRecorder(
                                s -> s.configurationRecorderName(r.name())))));
        config.describeDeliveryChannels().deliveryChannels().stream().filter(d -> ours.test(d.name()))
                .forEach(d -> found.add(new Deletion("config delivery channel " + d.name(),
                        x -> x.config().deleteDeliveryChannel(s -> s.deliveryChannelName(d.name())))));
        config.describeConfigurationRecorders().configurationRecorders().stream()
                .filter(r -> ours.test(r.name())).forEach(r -> found.add(new Deletion(
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

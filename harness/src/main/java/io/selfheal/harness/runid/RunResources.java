package io.selfheal.harness.runid;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * How each kind of resource a run makes is deleted, for the run's own cleanup ({@link CreatedResources}) and for
 * {@code selfheal cleanup --run-id} ({@link Leftovers}) alike.
 */
final class RunResources {
    /** How long a security group may stay in use by instances that are shutting down. */
    private static final Duration GROUP_IN_USE = Duration.ofMinutes(5);

    private RunResources() {
    }

    /** Takes off what is still attached (inline and managed policies left by anyone), then DeleteRole. */
    static Deletion role(String name) {
        return new Deletion("iam role " + name, c -> {
            var iam = c.iam();
            iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames()
                    .forEach(p -> iam.deleteRolePolicy(r -> r.roleName(name).policyName(p)));
            iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies()
                    .forEach(p -> iam.detachRolePolicy(r -> r.roleName(name).policyArn(p.policyArn())));
            iam.deleteRole(r -> r.roleName(name));
        });
    }

    static Deletion function(String name) {
        return new Deletion("lambda function " + name, c -> c.lambda().deleteFunction(r -> r.functionName(name)));
    }

    static Deletion eventSourceMapping(String uuid) {
        return new Deletion("lambda event source mapping " + uuid,
                c -> c.lambda().deleteEventSourceMapping(r -> r.uuid(uuid)));
    }

    static Deletion logGroup(String name) {
        return new Deletion("logs log group " + name, c -> c.logs().deleteLogGroup(r -> r.logGroupName(name)));
    }

    static Deletion queue(String url) {
        return new Deletion("sqs queue " + url, c -> c.sqs().deleteQueue(r -> r.queueUrl(url)));
    }

    static Deletion topic(String arn) {
        return new Deletion("sns topic " + arn, c -> c.sns().deleteTopic(r -> r.topicArn(arn)));
    }

    /** Removes whatever targets the rule still has (DeleteRule refuses a rule with targets), then the rule. */
    static Deletion rule(String name, String bus) {
        return new Deletion("events rule " + name, c -> {
            var events = c.events();
            List<String> ids = events.listTargetsByRule(r -> r.rule(name).eventBusName(bus)).targets().stream()
                    .map(software.amazon.awssdk.services.eventbridge.model.Target::id).toList();
            if (!ids.isEmpty()) {
                events.removeTargets(r -> r.rule(name).eventBusName(bus).ids(ids));
            }
            events.deleteRule(r -> r.name(name).eventBusName(bus));
        });
    }

    static Deletion connection(String name) {
        return new Deletion("events connection " + name, c -> c.events().deleteConnection(r -> r.name(name)));
    }

    static Deletion apiDestination(String name) {
        return new Deletion("events api destination " + name,
                c -> c.events().deleteApiDestination(r -> r.name(name)));
    }

    static Deletion alarm(String name) {
        return new Deletion("cloudwatch alarm " + name, c -> c.cloudWatch().deleteAlarms(r -> r.alarmNames(name)));
    }

    /** ForceDelete terminates the group's instances with it (DeleteAutoScalingGroup refuses a group with any). */
    static Deletion autoScalingGroup(String name) {
        return new Deletion("autoscaling group " + name, c -> c.autoScaling()
                .deleteAutoScalingGroup(d -> d.autoScalingGroupName(name).forceDelete(true)));
    }

    static Deletion launchTemplate(String name) {
        return new Deletion("ec2 launch template " + name,
                c -> c.ec2().deleteLaunchTemplate(d -> d.launchTemplateName(name)));
    }

    static Deletion instanceProfileRole(String profile, String role) {
        return new Deletion("iam instance profile role " + profile + "/" + role, c -> c.iam()
                .removeRoleFromInstanceProfile(d -> d.instanceProfileName(profile).roleName(role)));
    }

    static Deletion instanceProfile(String name) {
        return new Deletion("iam instance profile " + name,
                c -> c.iam().deleteInstanceProfile(d -> d.instanceProfileName(name)));
    }

    static Deletion configRule(String name) {
        return new Deletion("config rule " + name, c -> c.config().deleteConfigRule(r -> r.configRuleName(name)));
    }

    /**
     * TerminateInstances, then waits until they are terminated: a security group of the run cannot be deleted while
     * an instance still uses it.
     */
    static Deletion instances(List<String> ids) {
        return new Deletion("ec2 instances " + String.join(", ", ids), c -> {
            c.ec2().terminateInstances(r -> r.instanceIds(ids));
            c.await("instances " + ids + " terminated", GROUP_IN_USE, () -> c.ec2()
                    .describeInstances(r -> r.instanceIds(ids)).reservations().stream()
                    .flatMap(r -> r.instances().stream())
                    .allMatch(i -> i.state().name() == software.amazon.awssdk.services.ec2.model.InstanceStateName
                            .TERMINATED));
        });
    }

    /**
     * DeleteSecurityGroup; while a network interface still uses the group (an instance shutting down, one the
     * remediation moved) EC2 answers DependencyViolation, so it is asked again for a while.
     */
    static Deletion securityGroup(String id) {
        return new Deletion("ec2 security group " + id, c -> {
            c.await("security group " + id + " deleted", GROUP_IN_USE, () -> {
                try {
                    c.ec2().deleteSecurityGroup(r -> r.groupId(id));
                    return true;
                } catch (Ec2Exception e) {
                    if (!"DependencyViolation".equals(e.awsErrorDetails().errorCode())) {
                        throw e;
                    }
                    return false;
                }
            });
        });
    }

    /**
     * Empties the bucket (S3 refuses to delete one that is not), then deletes it. The run never turns versioning on,
     * so its objects have no older versions to remove.
     */
    static Deletion bucket(String name) {
        return new Deletion("s3 bucket " + name, c -> {
            var s3 = c.s3();
            s3.listObjectsV2Paginator(r -> r.bucket(name)).forEach(page -> {
                List<ObjectIdentifier> keys = page.contents().stream()
                        .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
                if (!keys.isEmpty()) {
                    s3.deleteObjects(r -> r.bucket(name).delete(d -> d.objects(keys)));
                }
            });
            s3.deleteBucket(r -> r.bucket(name));
        });
    }
}

package io.selfheal.harness.runid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.config.model.PutConfigRuleRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.guardduty.model.CreateDetectorRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;

/**
 * Adds the run's tags ({@link RunIdentity#tags()}) to every create request that takes tags at creation, whatever
 * made it (a stack kind, a fault, the harness's own tap): roles, functions, queues, topics, rules, alarms, log
 * groups, security groups, instances and their volumes, Config rules, GuardDuty detectors. Tags a request already
 * carries win. S3's CreateBucket takes none (a general purpose bucket is tagged afterwards, with
 * PutBucketTagging); its name carries the run id instead.
 */
public final class RunTagging implements ExecutionInterceptor {
    private final Map<String, String> tags;

    public RunTagging(RunIdentity identity) {
        this.tags = identity.tags();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof CreateRoleRequest r) {
            return r.toBuilder().tags(merge(r.hasTags(), r.tags(), t -> t.key(), (k, v) -> software.amazon.awssdk
                    .services.iam.model.Tag.builder().key(k).value(v).build())).build();
        } else if (request instanceof CreateFunctionRequest r) {
            return r.toBuilder().tags(merged(r.hasTags() ? r.tags() : Map.of())).build();
        } else if (request instanceof CreateQueueRequest r) {
            return r.toBuilder().tags(merged(r.hasTags() ? r.tags() : Map.of())).build();
        } else if (request instanceof CreateLogGroupRequest r) {
            return r.toBuilder().tags(merged(r.hasTags() ? r.tags() : Map.of())).build();
        } else if (request instanceof CreateDetectorRequest r) {
            return r.toBuilder().tags(merged(r.hasTags() ? r.tags() : Map.of())).build();
        } else if (request instanceof CreateTopicRequest r) {
            return r.toBuilder().tags(merge(r.hasTags(), r.tags(), t -> t.key(), (k, v) -> software.amazon.awssdk
                    .services.sns.model.Tag.builder().key(k).value(v).build())).build();
        } else if (request instanceof PutRuleRequest r) {
            return r.toBuilder().tags(merge(r.hasTags(), r.tags(), t -> t.key(), (k, v) -> software.amazon.awssdk
                    .services.eventbridge.model.Tag.builder().key(k).value(v).build())).build();
        } else if (request instanceof PutMetricAlarmRequest r) {
            return r.toBuilder().tags(merge(r.hasTags(), r.tags(), t -> t.key(), (k, v) -> software.amazon.awssdk
                    .services.cloudwatch.model.Tag.builder().key(k).value(v).build())).build();
        } else if (request instanceof PutConfigRuleRequest r) {
            return r.toBuilder().tags(merge(r.hasTags(), r.tags(), t -> t.key(), (k, v) -> software.amazon.awssdk
                    .services.config.model.Tag.builder().key(k).value(v).build())).build();
        } else if (request instanceof CreateSecurityGroupRequest r) {
            return r.toBuilder().tagSpecifications(specifications(r.hasTagSpecifications() ? r.tagSpecifications()
                    : List.of(), ResourceType.SECURITY_GROUP)).build();
        } else if (request instanceof RunInstancesRequest r) {
            return r.toBuilder().tagSpecifications(specifications(r.hasTagSpecifications() ? r.tagSpecifications()
                    : List.of(), ResourceType.INSTANCE, ResourceType.VOLUME)).build();
        }
        return request;
    }

    private Map<String, String> merged(Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>(tags);
        out.putAll(given);
        return out;
    }

    private <T> List<T> merge(boolean has, List<T> given, java.util.function.Function<T, String> key,
                              java.util.function.BiFunction<String, String, T> tag) {
        List<T> out = new ArrayList<>(has ? given : List.of());
        var keys = out.stream().map(key).toList();
        tags.forEach((k, v) -> {
            if (!keys.contains(k)) {
                out.add(tag.apply(k, v));
            }
        });
        return out;
    }

    /** EC2 takes one specification per resource type: the run's tags join the one given, or make their own. */
    private List<TagSpecification> specifications(List<TagSpecification> given, ResourceType... types) {
        List<TagSpecification> out = new ArrayList<>();
        List<ResourceType> tagged = new ArrayList<>();
        for (TagSpecification s : given) {
            if (List.of(types).contains(s.resourceType())) {
                tagged.add(s.resourceType());
                out.add(s.toBuilder().tags(merge(s.hasTags(), s.tags(), t -> t.key(), RunTagging::ec2Tag)).build());
            } else {
                out.add(s);
            }
        }
        for (ResourceType type : types) {
            if (!tagged.contains(type)) {
                out.add(TagSpecification.builder().resourceType(type)
                        .tags(merge(false, List.of(), t -> t.key(), RunTagging::ec2Tag)).build());
            }
        }
        return out;
    }

    private static software.amazon.awssdk.services.ec2.model.Tag ec2Tag(String key, String value) {
        return software.amazon.awssdk.services.ec2.model.Tag.builder().key(key).value(value).build();
    }
}

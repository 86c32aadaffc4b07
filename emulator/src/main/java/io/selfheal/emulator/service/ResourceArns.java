package io.selfheal.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * How to find the resources a request acts on, as IAM's {@code Resource} element names them (the "Resource types"
 * column of the Service Authorization Reference). Evaluated on demand, never on the request's hot path.
 */
@FunctionalInterface
public interface ResourceArns {
    /** Actions that support no resource-level permissions: IAM matches them with {@code "*"} only. */
    ResourceArns ANY = (ctx, input) -> List.of("*");

    /** @return the ARNs, empty when the input names none (the call then fails validation anyway) */
    List<String> arns(RequestContext ctx, ObjectNode input);

    /**
     * One ARN per value of {@code member} (a list, or a single scalar as query protocols send one), e.g. EC2's
     * {@code InstanceId} list → {@code arn:aws:ec2:<region>:<account>:instance/<id>}.
     *
     * @param arn the ARN of one value in the request's account and region
     */
    static ResourceArns each(String member, BiFunction<RequestContext, String, String> arn) {
        return (ctx, input) -> {
            List<String> out = new ArrayList<>();
            var node = input.get(member);
            if (node == null || node.isNull()) {
                return out;
            }
            if (node.isArray()) {
                node.forEach(v -> out.add(arn.apply(ctx, v.asText())));
            } else {
                out.add(arn.apply(ctx, node.asText()));
            }
            return out;
        };
    }

    /** The member itself is an ARN (SNS's {@code TopicArn}). */
    static ResourceArns arnIn(String member) {
        return each(member, (ctx, value) -> value);
    }
}

package io.selfheal.emulator.core.authz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * AWS's words for a denied request, naming the principal, the action, the resource and the policy type that denied
 * it or failed to allow it, e.g. {@code User: arn:aws:sts::123456789012:assumed-role/r/f is not authorized to perform:
 * ec2:RebootInstances on resource: arn:aws:ec2:us-east-1:123456789012:instance/i-1 because no identity-based policy
 * allows the ec2:RebootInstances action}
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
 */
public final class AccessDeniedMessages {
    private AccessDeniedMessages() {
    }

    /** The message most services send with {@code AccessDenied}/{@code AccessDeniedException}. */
    public static String message(AuthorizationDecision d) {
        String head = "User: " + d.principalArn() + " is not authorized to perform: " + d.action() + " on resource: "
                + d.resource();
        if (d.outcome() == AuthorizationDecision.Outcome.EXPLICIT_DENY) {
            return head + " with an explicit deny in " + AuthorizationDecision.article(d.policyType()) + " "
                    + d.policyType();
        }
        return head + " because no " + d.policyType() + " allows the " + d.action() + " action";
    }

    /**
     * EC2's {@code UnauthorizedOperation} message: the same sentence after "You are not authorized to perform this
     * operation.", then the encoded authorization failure message that STS {@code DecodeAuthorizationMessage} reads
     * (https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html).
     */
    public static String ec2Message(AuthorizationDecision d) {
        return "You are not authorized to perform this operation. " + message(d)
                + ". Encoded authorization failure message: " + encode(d);
    }

    /** The decision's details as the decoded message's JSON (allowed, explicitDeny, matchedStatements, context). */
    public static String encode(AuthorizationDecision d) {
        ObjectNode doc = Json.object();
        doc.put("allowed", d.allowed());
        doc.put("explicitDeny", d.outcome() == AuthorizationDecision.Outcome.EXPLICIT_DENY);
        var matched = doc.putObject("matchedStatements").putArray("items");
        if (d.matchedStatement() != null) {
            matched.addObject().put("statementId", d.matchedStatement());
        }
        doc.putObject("failures").putArray("items");
        ObjectNode context = doc.putObject("context");
        context.putObject("principal").put("arn", d.principalArn());
        context.put("action", d.action());
        context.put("resource", d.resource());
        var conditions = context.putObject("conditions").putArray("items");
        d.unevaluatedConditions().forEach(c -> conditions.addObject().put("key", c));
        byte[] json = doc.toString().getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /** The JSON document {@link #encode} wrote, or null when {@code encoded} is not one of ours. */
    public static String decode(String encoded) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
            return Json.MAPPER.readTree(json).isObject() ? json : null;
        } catch (IllegalArgumentException | java.io.IOException notOurs) {
            return null;
        }
    }
}

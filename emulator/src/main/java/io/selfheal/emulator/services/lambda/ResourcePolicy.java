package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.policy.AuthorizationRequest;
import io.selfheal.emulator.core.policy.Principal;
import io.selfheal.emulator.core.policy.ResourcePolicies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A function's resource-based policy: the statements AddPermission adds, in the JSON Lambda returns, and the check
 * Lambda makes before another service or account may invoke the function.
 */
final class ResourcePolicy {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    /**
     * One AddPermission statement.
     *
     * @param principal     a service principal ({@code events.amazonaws.com}), an account id, an ARN or {@code *}
     * @param sourceArn     condition {@code ArnLike AWS:SourceArn}, or null
     * @param sourceAccount condition {@code StringEquals AWS:SourceAccount}, or null
     */
    record Statement(String sid, String action, String principal, String resource, String sourceArn,
                     String sourceAccount, String principalOrgId) {

        ObjectNode toJson() {
            ObjectNode s = Json.object().put("Sid", sid).put("Effect", "Allow");
            if (principal.equals("*")) {
                s.put("Principal", "*");
            } else if (isService(principal)) {
                s.putObject("Principal").put("Service", principal);
            } else {
                s.putObject("Principal").put("AWS", ACCOUNT.matcher(principal).matches()
                        ? "arn:aws:iam::" + principal + ":root" : principal);
            }
            s.put("Action", action).put("Resource", resource);
            if (sourceArn != null || sourceAccount != null || principalOrgId != null) {
                ObjectNode condition = s.putObject("Condition");
                if (sourceAccount != null || principalOrgId != null) {
                    ObjectNode equals = condition.putObject("StringEquals");
                    if (sourceAccount != null) {
                        equals.put("AWS:SourceAccount", sourceAccount);
                    }
                    if (principalOrgId != null) {
                        equals.put("aws:PrincipalOrgID", principalOrgId);
                    }
                }
                if (sourceArn != null) {
                    condition.putObject("ArnLike").put("AWS:SourceArn", sourceArn);
                }
            }
            return s;
        }
    }

    private final Map<String, Statement> statements = new LinkedHashMap<>();

    synchronized Statement add(Statement statement) {
        if (statements.containsKey(statement.sid())) {
            throw LambdaErrors.conflict("The statement id (" + statement.sid() + ") provided already exists. "
                    + "Please provide a new statement id, or remove the existing statement.");
        }
        statements.put(statement.sid(), statement);
        return statement;
    }

    synchronized void remove(String sid) {
        if (statements.remove(sid) == null) {
            throw AwsException.notFound("ResourceNotFoundException",
                    "Statement " + sid + " is not found in resource policy.");
        }
    }

    synchronized boolean isEmpty() {
        return statements.isEmpty();
    }

    /** The policy document as GetPolicy returns it (a JSON string inside the response). */
    synchronized String document() {
        ObjectNode policy = Json.object().put("Version", "2012-10-17").put("Id", "default");
        ArrayNode list = policy.putArray("Statement");
        statements.values().forEach(s -> list.add(s.toJson()));
        return Json.write(policy);
    }

    /** May this service principal, acting for {@code sourceArn}, invoke the function? */
    synchronized boolean allowsService(String service, String functionArn, String sourceArn, String sourceAccount) {
        return !statements.isEmpty() && ResourcePolicies.forService(List.of(document()), service,
                "lambda:InvokeFunction", functionArn, sourceArn, sourceAccount).allowed();
    }

    /**
     * Does the policy allow a caller of another account to invoke? (The resource side of a cross-account call; the
     * caller's own identity policies are the other side.)
     */
    synchronized boolean allowsCaller(Principal caller, String functionArn) {
        return !statements.isEmpty() && ResourcePolicies.forPrincipal(List.of(document()),
                AuthorizationRequest.of(caller, "lambda:InvokeFunction", functionArn, Map.of())).allowed();
    }

    static boolean isService(String principal) {
        return principal.endsWith(".amazonaws.com") || principal.endsWith(".amazonaws.com.cn")
                || (principal.contains(".") && !principal.startsWith("arn:"));
    }
}

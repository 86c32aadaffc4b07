package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import java.util.LinkedHashMap;
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

        boolean allowsInvoke() {
            return action.equals("lambda:InvokeFunction") || action.equals("lambda:*") || action.equals("*");
        }

        /** A service principal calling with the source it names (null when unknown). */
        boolean allowsService(String service, String callerSourceArn, String callerSourceAccount) {
            if (!allowsInvoke() || !(principal.equals("*") || principal.equals(service))) {
                return false;
            }
            if (sourceArn != null && (callerSourceArn == null || !arnLike(sourceArn, callerSourceArn))) {
                return false;
            }
            return sourceAccount == null || sourceAccount.equals(callerSourceAccount);
        }

        /** A principal of another account (cross-account Invoke). */
        boolean allowsAccount(String accountId, String callerArn) {
            if (!allowsInvoke() || isService(principal) || sourceArn != null || sourceAccount != null) {
                return false;
            }
            return principal.equals("*") || principal.equals(accountId)
                    || principal.equals("arn:aws:iam::" + accountId + ":root") || principal.equals(callerArn);
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

    synchronized boolean allowsService(String service, String sourceArn, String sourceAccount) {
        return statements.values().stream().anyMatch(s -> s.allowsService(service, sourceArn, sourceAccount));
    }

    synchronized boolean allowsAccount(String accountId, String callerArn) {
        return statements.values().stream().anyMatch(s -> s.allowsAccount(accountId, callerArn));
    }

    static boolean isService(String principal) {
        return principal.endsWith(".amazonaws.com") || principal.endsWith(".amazonaws.com.cn")
                || (principal.contains(".") && !principal.startsWith("arn:"));
    }

    /** IAM's ArnLike: {@code *} and {@code ?} wildcards, case-sensitive. */
    static boolean arnLike(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(regex.toString(), value);
    }
}

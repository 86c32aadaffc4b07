package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.regex.Pattern;

/** AddPermission, GetPolicy and RemovePermission: a function's resource-based policy. */
final class PermissionOperations {
    private static final Pattern STATEMENT_ID = Pattern.compile("[a-zA-Z0-9-_.]{1,100}");
    private static final Pattern ACTION = Pattern.compile("(lambda:[*]|lambda:[a-zA-Z]+|[*])");
    private static final Pattern PRINCIPAL = Pattern.compile("[^\\s]+");

    private final FunctionRegistry functions;

    private final Ids ids;

    PermissionOperations(FunctionRegistry functions, Ids ids) {
        this.ids = ids;
        this.functions = functions;
    }

    JsonNode add(RequestContext ctx, ObjectNode input) {
        Params p = FunctionOperations.params(input);
        String sid = p.required("StatementId");
        String action = p.required("Action");
        String principal = p.required("Principal");
        LambdaFunction function = require(ctx, p);
        check("statementId", sid, STATEMENT_ID, "([a-zA-Z0-9-_.]+)");
        check("action", action, ACTION, "(lambda:[*]|lambda:[a-zA-Z]+|[*])");
        check("principal", principal, PRINCIPAL, "[^\\s]+");
        String sourceArn = p.string("SourceArn");
        String sourceAccount = p.string("SourceAccount");
        if (sourceAccount != null && !sourceAccount.matches("\\d{12}")) {
            throw LambdaErrors.validation("sourceAccount", sourceAccount,
                    "Member must satisfy regular expression pattern: \\d{12}");
        }
        ResourcePolicy.Statement statement = function.policy().add(new ResourcePolicy.Statement(sid, action,
                principal, function.arn(), sourceArn, sourceAccount, p.string("PrincipalOrgID")));
        function.touch(ids.uuid("revision"));
        return Json.object().put("Statement", Json.write(statement.toJson()));
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        LambdaFunction function = require(ctx, FunctionOperations.params(input));
        if (function.policy().isEmpty()) {
            throw AwsException.notFound("ResourceNotFoundException", "The resource you requested does not exist.");
        }
        return Json.object().put("Policy", function.policy().document())
                .put("RevisionId", function.revision().revisionId());
    }

    JsonNode remove(RequestContext ctx, ObjectNode input) {
        Params p = FunctionOperations.params(input);
        LambdaFunction function = require(ctx, p);
        function.policy().remove(p.required("StatementId"));
        function.touch(ids.uuid("revision"));
        return null;
    }

    private LambdaFunction require(RequestContext ctx, Params p) {
        return functions.requireOwned(ctx, FunctionRef.parse(p.string("FunctionName")), p.string("Qualifier"));
    }

    private static void check(String field, String value, Pattern pattern, String patternText) {
        if (!pattern.matcher(value).matches()) {
            throw LambdaErrors.validation(field, value, "Member must satisfy regular expression pattern: "
                    + patternText);
        }
    }
}

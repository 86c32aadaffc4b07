package io.selfheal.emulator.frontdoor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.core.authz.AuthorizationDecision;
import io.selfheal.emulator.core.authz.IamMode;
import io.selfheal.emulator.service.OperationSpec;
import io.selfheal.emulator.service.PassedRoles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front door's IAM check: the operation's own registration says the action ({@link OperationSpec#iamAction}),
 * the resources ({@link OperationSpec#resources}), the request's condition keys ({@link OperationSpec#conditions})
 * and the roles it passes to a service ({@link OperationSpec#passedRoles}, checked as {@code iam:PassRole});
 * {@link Authorization} decides. A resource of another account must also be allowed by its own policy, in every
 * mode. Costs one volatile read and a map lookup when the mode is {@code off} and the service keeps no resource
 * policies.
 */
final class RequestAuthorizer {
    private final Authorization authorization;

    RequestAuthorizer(Authorization authorization) {
        this.authorization = authorization;
    }

    /** @return the denial to answer with, or null when the call may run */
    AuthorizationDecision denial(RequestContext ctx, OperationSpec spec, ObjectNode input, String sourceIp) {
        if (spec == null) {
            return null;
        }
        boolean identityChecked = authorization.mode() != IamMode.OFF && Authorization.checked(ctx.caller());
        if (!identityChecked && !authorization.ownsResourcePolicies(ctx.service())) {
            return null;
        }
        List<String> resources = resources(ctx, spec, input);
        if (resources.isEmpty()) {
            return null; // the input names no resource: the operation's own validation answers
        }
        Map<String, List<String>> keys = authorization.globalKeys(sourceIp);
        keys.put("aws:RequestedRegion", List.of(ctx.region()));
        if (spec.conditions() != null) {
            keys.putAll(spec.conditions().keys(ctx, input));
        }
        if (identityChecked) {
            AuthorizationDecision denial = authorization.authorize(ctx.caller(), ctx.requestId(), spec.iamAction(),
                    resources, keys, AuthorizationDecision.API);
            if (denial == null && spec.passedRoles() != null) {
                denial = passRoleDenial(ctx, spec.passedRoles(), input, keys);
            }
            if (denial != null) {
                return denial;
            }
        }
        // Another account's resource answers to its own policy whatever this emulator's IAM mode.
        return authorization.crossAccountDenial(ctx.caller(), ctx.requestId(), spec.iamAction(), resources, keys,
                AuthorizationDecision.API);
    }

    /**
     * {@code iam:PassRole} on each role the request hands to a service, with {@code iam:PassedToService}
     * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).
     */
    private AuthorizationDecision passRoleDenial(RequestContext ctx, PassedRoles passed, ObjectNode input,
                                                 Map<String, List<String>> requestKeys) {
        List<String> roles;
        try {
            roles = passed.arns().arns(ctx, input);
        } catch (RuntimeException unreadable) {
            return null; // the operation refuses malformed input in its own words
        }
        if (roles.isEmpty()) {
            return null;
        }
        Map<String, List<String>> keys = new LinkedHashMap<>(requestKeys);
        keys.put("iam:PassedToService", List.of(passed.toService()));
        return authorization.authorize(ctx.caller(), ctx.requestId(), "iam:PassRole", roles, keys,
                AuthorizationDecision.API);
    }

    /** IAM knows no narrower resource than {@code *} for an operation that declares none. */
    private static List<String> resources(RequestContext ctx, OperationSpec spec, ObjectNode input) {
        if (spec.resources() == null) {
            return List.of("*");
        }
        try {
            return spec.resources().arns(ctx, input);
        } catch (RuntimeException unreadable) {
            return List.of(); // malformed input: the operation refuses it in its own words
        }
    }
}

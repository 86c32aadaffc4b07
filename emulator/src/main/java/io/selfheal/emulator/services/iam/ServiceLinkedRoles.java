package io.selfheal.emulator.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.core.policy.PolicyDocument;
import io.selfheal.emulator.core.policy.PolicyKind;
import io.selfheal.emulator.service.Params;
import java.util.List;
import java.util.Map;

/**
 * CreateServiceLinkedRole (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceLinkedRole.html) for
 * the emulated services that have one: the role AWS names for the service, at
 * {@code /aws-service-role/<service principal>/}, trusted by that principal alone. AWS's answers when the name is
 * taken ("Service role name … has been taken in this account, please try a different suffix.") and when the service
 * takes no suffix ("Custom suffix is not allowed for …") are InvalidInput; a service without a role here is refused
 * the same way, with our wording. The service's own managed policy (e.g. AWSConfigServiceRolePolicy) is not attached:
 * the emulated services do not act through these roles.
 */
final class ServiceLinkedRoles {
    /**
     * The role name of each service and whether it takes a {@code CustomSuffix}: Config
     * (https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html), Auto Scaling
     * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/autoscaling-service-linked-role.html, suffix allowed),
     * GuardDuty (https://docs.aws.amazon.com/guardduty/latest/ug/using-service-linked-roles.html).
     */
    private record Linked(String roleName, boolean suffix) {
    }

    private static final Map<String, Linked> SERVICES = Map.of(
            "config.amazonaws.com", new Linked("AWSServiceRoleForConfig", false),
            "autoscaling.amazonaws.com", new Linked("AWSServiceRoleForAutoScaling", true),
            "guardduty.amazonaws.com", new Linked("AWSServiceRoleForAmazonGuardDuty", false));

    private final IamStore store;
    private final EmulatorContext context;

    ServiceLinkedRoles(IamStore store, EmulatorContext context) {
        this.store = store;
        this.context = context;
    }

    /** The path of a service's linked role. */
    static String path(String servicePrincipal) {
        return "/aws-service-role/" + servicePrincipal + "/";
    }

    /** The role a request would create, for authorization (IAM's resource type {@code role}). */
    static List<String> arns(RequestContext ctx, ObjectNode input) {
        String service = input.path("AWSServiceName").asText("");
        Linked linked = SERVICES.get(service);
        if (linked == null) {
            return List.of();
        }
        String suffix = input.path("CustomSuffix").asText("");
        return List.of("arn:aws:iam::" + ctx.accountId() + ":role" + path(service) + linked.roleName()
                + (suffix.isEmpty() ? "" : "_" + suffix));
    }

    JsonNode create(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String service = p.required("AWSServiceName");
        String suffix = p.string("CustomSuffix");
        String description = p.string("Description");
        if (description != null && description.length() > 1000) {
            throw Params.QUERY.invalid("Description", description,
                    "Member must have length less than or equal to 1000");
        }
        Linked linked = SERVICES.get(service);
        if (linked == null) {
            throw IamErrors.invalidInput("Service " + service + " has no service-linked role in this emulator; "
                    + "supported: " + String.join(", ", SERVICES.keySet().stream().sorted().toList()) + ".");
        }
        if (suffix != null && !linked.suffix()) {
            throw IamErrors.invalidInput("Custom suffix is not allowed for " + service);
        }
        String name = suffix == null ? linked.roleName() : linked.roleName() + "_" + suffix;
        PolicyDocument trust = Documents.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"" + service + "\"},\"Action\":\"sts:AssumeRole\"}]}",
                PolicyKind.TRUST, Documents.MAX_TRUST);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            if (account.roles.containsKey(name)) {
                throw IamErrors.invalidInput("Service role name " + name
                        + " has been taken in this account, please try a different suffix.");
            }
            Role role = new Role(name, path(service), account.accountId, context.ids().iamId("AROA"),
                    context.clock().now(), description, 3600, trust);
            account.roles.put(name, role);
            return Json.object().set("Role", IamShapes.role(role, false));
        }
    }
}

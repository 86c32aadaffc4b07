package io.selfheal.emulator.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.core.policy.PolicyDocument;
import io.selfheal.emulator.core.policy.PolicyKind;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.Map;

/** CreateRole, GetRole, ListRoles, DeleteRole, UpdateAssumeRolePolicy (IAM API Reference). */
final class RoleOperations {
    private final IamStore store;
    private final EmulatorContext context;

    RoleOperations(IamStore store, EmulatorContext context) {
        this.store = store;
        this.context = context;
    }

    JsonNode create(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String name = IamParams.name(p, "RoleName", 64);
        String path = IamParams.path(p);
        PolicyDocument trust = Documents.parse(p.required("AssumeRolePolicyDocument"), PolicyKind.TRUST,
                Documents.MAX_TRUST);
        int maxSession = p.integer("MaxSessionDuration", 3600);
        if (maxSession < 3600 || maxSession > 43200) {
            throw Params.QUERY.invalid("MaxSessionDuration", String.valueOf(maxSession),
                    maxSession < 3600 ? "Member must have value greater than or equal to 3600"
                            : "Member must have value less than or equal to 43200");
        }
        String description = p.string("Description");
        if (description != null && description.length() > 1000) {
            throw Params.QUERY.invalid("Description", description,
                    "Member must have length less than or equal to 1000");
        }
        Map<String, String> tags = Tags.read(p);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            if (account.roles.containsKey(name)) {
                throw IamErrors.alreadyExists("Role with name " + name + " already exists.");
            }
            String boundary = p.string("PermissionsBoundary");
            if (boundary != null && store.policy(account, boundary) == null) {
                throw IamErrors.noSuchEntity("Scope ARN: " + boundary + " does not exist or is not attachable.");
            }
            Role role = new Role(name, path, account.accountId, context.ids().iamId("AROA"), context.clock().now(),
                    description, maxSession, trust);
            role.permissionsBoundary = boundary;
            Tags.merge(role.tags, tags);
            account.roles.put(name, role);
            return Json.object().set("Role", IamShapes.role(role, true));
        }
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            return Json.object().set("Role", IamShapes.role(account.role(IamParams.name(p, "RoleName", 64)), true));
        }
    }

    JsonNode list(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String prefix = p.string("PathPrefix", "/");
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            var roles = new ArrayList<>(account.roles.values().stream().filter(r -> r.path.startsWith(prefix))
                    .toList());
            return IamParams.page(p, roles, "Roles", r -> IamShapes.role(r, false));
        }
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            Role role = account.role(IamParams.name(p, "RoleName", 64));
            if (!role.inline.isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!role.attached.isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (account.instanceProfiles.values().stream().anyMatch(ip -> role.name.equals(ip.roleName))) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
            }
            account.roles.remove(role.name);
        }
        return null;
    }

    JsonNode updateAssumeRolePolicy(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        PolicyDocument trust = Documents.parse(p.required("PolicyDocument"), PolicyKind.TRUST, Documents.MAX_TRUST);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            account.role(IamParams.name(p, "RoleName", 64)).trustPolicy = trust;
        }
        return null;
    }
}

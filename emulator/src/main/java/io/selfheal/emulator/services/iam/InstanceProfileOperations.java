package io.selfheal.emulator.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;

/** Instance profiles: Create/Get/List/Delete, Add/RemoveRoleToInstanceProfile, ListInstanceProfilesForRole. */
final class InstanceProfileOperations {
    private final IamStore store;
    private final EmulatorContext context;

    InstanceProfileOperations(IamStore store, EmulatorContext context) {
        this.store = store;
        this.context = context;
    }

    JsonNode create(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String name = IamParams.name(p, "InstanceProfileName", 128);
        String path = IamParams.path(p);
        var tags = Tags.read(p);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            if (account.instanceProfiles.containsKey(name)) {
                throw IamErrors.alreadyExists("Instance Profile " + name + " already exists.");
            }
            InstanceProfile ip = new InstanceProfile(name, path, account.accountId, context.ids().iamId("AIPA"),
                    context.clock().now());
            Tags.merge(ip.tags, tags);
            account.instanceProfiles.put(name, ip);
            return Json.object().set("InstanceProfile", IamShapes.instanceProfile(ip, account));
        }
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            InstanceProfile ip = account.instanceProfile(IamParams.name(p, "InstanceProfileName", 128));
            return Json.object().set("InstanceProfile", IamShapes.instanceProfile(ip, account));
        }
    }

    JsonNode list(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String prefix = p.string("PathPrefix", "/");
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            var profiles = new ArrayList<>(account.instanceProfiles.values().stream()
                    .filter(ip -> ip.path.startsWith(prefix)).toList());
            return IamParams.page(p, profiles, "InstanceProfiles", ip -> IamShapes.instanceProfile(ip, account));
        }
    }

    JsonNode listForRole(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            Role role = account.role(IamParams.name(p, "RoleName", 64));
            var profiles = new ArrayList<>(account.instanceProfiles.values().stream()
                    .filter(ip -> role.name.equals(ip.roleName)).toList());
            return IamParams.page(p, profiles, "InstanceProfiles", ip -> IamShapes.instanceProfile(ip, account));
        }
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            InstanceProfile ip = account.instanceProfile(IamParams.name(p, "InstanceProfileName", 128));
            if (ip.roleName != null) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
            }
            account.instanceProfiles.remove(ip.name);
        }
        return null;
    }

    JsonNode addRole(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            InstanceProfile ip = account.instanceProfile(IamParams.name(p, "InstanceProfileName", 128));
            Role role = account.role(IamParams.name(p, "RoleName", 64));
            if (ip.roleName != null) {
                throw IamErrors.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
            }
            ip.roleName = role.name;
        }
        return null;
    }

    JsonNode removeRole(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            InstanceProfile ip = account.instanceProfile(IamParams.name(p, "InstanceProfileName", 128));
            String roleName = IamParams.name(p, "RoleName", 64);
            if (ip.roleName == null || !ip.roleName.equalsIgnoreCase(roleName)) {
                throw IamErrors.noSuchRole(roleName);
            }
            ip.roleName = null;
        }
        return null;
    }
}

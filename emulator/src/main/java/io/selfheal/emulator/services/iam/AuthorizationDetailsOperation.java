package io.selfheal.emulator.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.core.policy.PolicyDocument;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GetAccountAuthorizationDetails: every user, role and managed policy of the account with their documents (AWS-managed
 * policies only when attached to something), filtered by {@code Filter} (User, Role, Group, LocalManagedPolicy,
 * AWSManagedPolicy). selfheal has no groups, so GroupDetailList is always empty.
 */
final class AuthorizationDetailsOperation {
    private static final List<String> FILTERS = List.of("User", "Role", "Group", "LocalManagedPolicy",
            "AWSManagedPolicy");
    private final IamStore store;

    AuthorizationDetailsOperation(IamStore store) {
        this.store = store;
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        Set<String> filter = new LinkedHashSet<>(p.strings("Filter"));
        for (String f : filter) {
            if (!FILTERS.contains(f)) {
                throw Params.QUERY.invalid("Filter", f, "Member must satisfy enum value set: " + FILTERS);
            }
        }
        if (filter.isEmpty()) {
            filter.addAll(FILTERS);
        }
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            ObjectNode out = Json.object();
            ArrayNode users = out.putArray("UserDetailList");
            if (filter.contains("User")) {
                account.users.values().forEach(u -> users.add(user(u)));
            }
            out.putArray("GroupDetailList");
            ArrayNode roles = out.putArray("RoleDetailList");
            if (filter.contains("Role")) {
                account.roles.values().forEach(r -> roles.add(role(r, account)));
            }
            ArrayNode policies = out.putArray("Policies");
            List<ManagedPolicy> shown = new ArrayList<>();
            if (filter.contains("AWSManagedPolicy")) {
                store.awsManaged.all().stream().filter(mp -> account.attachments(mp.arn) > 0).forEach(shown::add);
            }
            if (filter.contains("LocalManagedPolicy")) {
                shown.addAll(account.policies.values());
            }
            for (ManagedPolicy mp : shown) {
                ObjectNode n = IamShapes.policy(mp, account.attachments(mp.arn));
                ArrayNode versions = n.putArray("PolicyVersionList");
                mp.versions.values().forEach(v -> versions.add(IamShapes.version(mp, v, true)));
                policies.add(n);
            }
            out.put("IsTruncated", false);
            return out;
        }
    }

    private ObjectNode user(User u) {
        ObjectNode n = IamShapes.user(u, false);
        n.set("UserPolicyList", inline(u.inline));
        n.putArray("GroupList");
        n.set("AttachedManagedPolicies", attached(u));
        n.set("Tags", Tags.json(u.tags));
        return n;
    }

    private ObjectNode role(Role r, IamAccount account) {
        ObjectNode n = IamShapes.role(r, false);
        ArrayNode profiles = n.putArray("InstanceProfileList");
        account.instanceProfiles.values().stream().filter(ip -> r.name.equals(ip.roleName))
                .forEach(ip -> profiles.add(IamShapes.instanceProfile(ip, account)));
        n.set("RolePolicyList", inline(r.inline));
        n.set("AttachedManagedPolicies", attached(r));
        n.set("Tags", Tags.json(r.tags));
        return n;
    }

    private static ArrayNode inline(Map<String, PolicyDocument> policies) {
        ArrayNode list = Json.array();
        policies.forEach((name, doc) -> list.addObject().put("PolicyName", name)
                .put("PolicyDocument", Documents.encoded(doc)));
        return list;
    }

    private static ArrayNode attached(PolicyHolder h) {
        ArrayNode list = Json.array();
        h.attached.forEach(arn -> list.add(IamShapes.attached(arn)));
        return list;
    }
}

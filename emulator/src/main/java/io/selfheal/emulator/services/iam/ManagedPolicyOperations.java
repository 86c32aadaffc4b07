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
import java.util.List;

/**
 * Managed policies and their versions: Create/Get/List/DeletePolicy, Create/Get/List/DeletePolicyVersion,
 * SetDefaultPolicyVersion. AWS-managed policies can be read and attached but not changed: to the account's own
 * namespace they do not exist.
 */
final class ManagedPolicyOperations {
    private final IamStore store;
    private final EmulatorContext context;

    ManagedPolicyOperations(IamStore store, EmulatorContext context) {
        this.store = store;
        this.context = context;
    }

    JsonNode create(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String name = IamParams.name(p, "PolicyName", 128);
        String path = IamParams.path(p);
        PolicyDocument doc = Documents.parse(p.required("PolicyDocument"), PolicyKind.IDENTITY, Documents.MAX_MANAGED);
        String description = p.string("Description");
        var tags = Tags.read(p);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            if (account.policies.containsKey(name)) {
                throw IamErrors.alreadyExists("A policy called " + name
                        + " already exists. Duplicate names are not allowed.");
            }
            ManagedPolicy policy = new ManagedPolicy(name, path, "arn:aws:iam::" + account.accountId + ":policy"
                    + path + name, context.ids().iamId("ANPA"), description, context.clock().now());
            policy.addVersion(doc, policy.created, true);
            Tags.merge(policy.tags, tags);
            account.policies.put(name, policy);
            ObjectNode shape = IamShapes.policy(policy, 0);
            if (!policy.tags.isEmpty()) {
                shape.set("Tags", Tags.json(policy.tags));
            }
            return Json.object().set("Policy", shape);
        }
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            ManagedPolicy policy = store.requirePolicy(account, p.required("PolicyArn"));
            return Json.object().set("Policy", IamShapes.policy(policy, account.attachments(policy.arn)));
        }
    }

    JsonNode list(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String scope = p.string("Scope", "All");
        if (!List.of("All", "AWS", "Local").contains(scope)) {
            throw Params.QUERY.invalid("Scope", scope, "Member must satisfy enum value set: [All, AWS, Local]");
        }
        boolean onlyAttached = p.bool("OnlyAttached", false);
        String prefix = p.string("PathPrefix", "/");
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            List<ManagedPolicy> all = new ArrayList<>();
            if (!scope.equals("Local")) {
                all.addAll(store.awsManaged.all());
            }
            if (!scope.equals("AWS")) {
                all.addAll(account.policies.values());
            }
            List<ManagedPolicy> shown = all.stream().filter(mp -> mp.path.startsWith(prefix))
                    .filter(mp -> !onlyAttached || account.attachments(mp.arn) > 0).toList();
            return IamParams.page(p, shown, "Policies", mp -> IamShapes.policy(mp, account.attachments(mp.arn)));
        }
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            ManagedPolicy policy = customer(account, p.required("PolicyArn"));
            if (account.attachments(policy.arn) > 0) {
                throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (policy.versions.size() > 1) {
                throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy, "
                        + "you must delete the policy's versions. The default version is deleted with the policy.");
            }
            account.policies.remove(policy.name);
        }
        return null;
    }

    JsonNode createVersion(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        PolicyDocument doc = Documents.parse(p.required("PolicyDocument"), PolicyKind.IDENTITY, Documents.MAX_MANAGED);
        boolean makeDefault = p.bool("SetAsDefault", false);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            ManagedPolicy policy = customer(account, p.required("PolicyArn"));
            if (policy.versions.size() >= ManagedPolicy.MAX_VERSIONS) {
                throw IamErrors.limitExceeded("A managed policy can have up to " + ManagedPolicy.MAX_VERSIONS
                        + " versions. Before you create a new version, you must delete an existing version.");
            }
            ManagedPolicy.Version v = policy.addVersion(doc, context.clock().now(), makeDefault);
            return Json.object().set("PolicyVersion", IamShapes.version(policy, v, false));
        }
    }

    JsonNode getVersion(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            ManagedPolicy policy = store.requirePolicy(account, p.required("PolicyArn"));
            return Json.object().set("PolicyVersion", IamShapes.version(policy, version(policy,
                    p.required("VersionId")), true));
        }
    }

    JsonNode listVersions(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            ManagedPolicy policy = store.requirePolicy(account, p.required("PolicyArn"));
            return IamParams.page(p, new ArrayList<>(policy.versions.values()), "Versions",
                    v -> IamShapes.version(policy, v, false));
        }
    }

    JsonNode setDefaultVersion(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            ManagedPolicy policy = customer(account, p.required("PolicyArn"));
            policy.defaultVersionId = version(policy, p.required("VersionId")).versionId();
            policy.updated = context.clock().now();
        }
        return null;
    }

    JsonNode deleteVersion(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            ManagedPolicy policy = customer(account, p.required("PolicyArn"));
            ManagedPolicy.Version v = version(policy, p.required("VersionId"));
            if (v.versionId().equals(policy.defaultVersionId)) {
                throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
            }
            policy.versions.remove(v.versionId());
        }
        return null;
    }

    /** A policy of the account's own: AWS-managed ones cannot be changed. */
    private ManagedPolicy customer(IamAccount account, String arn) {
        ManagedPolicy policy = store.requirePolicy(account, arn);
        if (policy.awsManaged()) {
            throw IamErrors.noSuchPolicy(arn);
        }
        return policy;
    }

    private static ManagedPolicy.Version version(ManagedPolicy policy, String versionId) {
        ManagedPolicy.Version v = policy.versions.get(versionId);
        if (v == null) {
            throw IamErrors.noSuchEntity("Policy " + policy.arn + " version " + versionId
                    + " does not exist or is not attachable.");
        }
        return v;
    }
}

package io.selfheal.emulator.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.core.policy.PolicyDocument;
import io.selfheal.emulator.core.policy.PolicyKind;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.function.BiFunction;

/**
 * Inline policies (Put/Get/List/Delete{Role,User}Policy) and attached managed policies
 * (Attach/Detach/ListAttached{Role,User}Policies), the same for roles and users: one instance per kind.
 */
final class HolderPolicyOperations {
    /** "IAM and AWS STS quotas": managed policies attached to one role or user. */
    static final int MAX_ATTACHED = 10;

    private final IamStore store;
    private final String member;
    private final String noun;
    private final String quota;
    private final BiFunction<IamAccount, String, PolicyHolder> holder;

    /**
     * @param member {@code RoleName} or {@code UserName}
     * @param noun   {@code role} or {@code user}, as IAM's messages say it
     */
    HolderPolicyOperations(IamStore store, String member, String noun, BiFunction<IamAccount, String, PolicyHolder> holder) {
        this.store = store;
        this.member = member;
        this.noun = noun;
        this.quota = noun.equals("role") ? "PoliciesPerRole" : "PoliciesPerUser";
        this.holder = holder;
    }

    private PolicyHolder holder(IamAccount account, Params p) {
        return holder.apply(account, IamParams.name(p, member, 128));
    }

    JsonNode put(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String policyName = IamParams.name(p, "PolicyName", 128);
        PolicyDocument doc = Documents.parse(p.required("PolicyDocument"), PolicyKind.IDENTITY, 10240);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            PolicyHolder h = holder(account, p);
            h.inline.remove(policyName);
            h.inline.put(policyName, doc);
        }
        return null;
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String policyName = IamParams.name(p, "PolicyName", 128);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            PolicyHolder h = holder(account, p);
            PolicyDocument doc = h.inline.get(policyName);
            if (doc == null) {
                throw IamErrors.noSuchEntity("The " + noun + " policy with name " + policyName + " cannot be found.");
            }
            String stored = h.inline.keySet().stream().filter(k -> k.equalsIgnoreCase(policyName)).findFirst()
                    .orElse(policyName);
            return Json.object().put(member, h.name).put("PolicyName", stored)
                    .put("PolicyDocument", Documents.encoded(doc));
        }
    }

    JsonNode list(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            PolicyHolder h = holder(account, p);
            return IamParams.page(p, new ArrayList<>(h.inline.keySet()), "PolicyNames", Json.MAPPER::valueToTree);
        }
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String policyName = IamParams.name(p, "PolicyName", 128);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            if (holder(account, p).inline.remove(policyName) == null) {
                throw IamErrors.noSuchEntity("The " + noun + " policy with name " + policyName + " cannot be found.");
            }
        }
        return null;
    }

    JsonNode attach(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String arn = p.required("PolicyArn");
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            PolicyHolder h = holder(account, p);
            if (store.policy(account, arn) == null) {
                throw IamErrors.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
            }
            if (!h.attached.contains(arn) && h.attached.size() >= MAX_ATTACHED) {
                throw IamErrors.limitExceeded("Cannot exceed quota for " + quota + ": " + MAX_ATTACHED);
            }
            h.attached.add(arn);
        }
        return null;
    }

    JsonNode detach(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String arn = p.required("PolicyArn");
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            if (!holder(account, p).attached.remove(arn)) {
                throw IamErrors.noSuchPolicy(arn);
            }
        }
        return null;
    }

    JsonNode listAttached(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String prefix = p.string("PathPrefix", "/");
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            PolicyHolder h = holder(account, p);
            var arns = h.attached.stream().filter(a -> {
                ManagedPolicy mp = store.policy(account, a);
                return mp != null && mp.path.startsWith(prefix);
            }).toList();
            return IamParams.page(p, arns, "AttachedPolicies", IamShapes::attached);
        }
    }

    JsonNode tag(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            Tags.merge(holder(account, p).tags, Tags.read(p));
        }
        return null;
    }

    JsonNode untag(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            Tags.remove(holder(account, p).tags, p.strings("TagKeys"));
        }
        return null;
    }

    JsonNode listTags(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            PolicyHolder h = holder(account, p);
            return IamParams.page(p, new ArrayList<>(h.tags.entrySet()), "Tags",
                    e -> Json.object().put("Key", e.getKey()).put("Value", e.getValue()));
        }
    }
}

package io.selfheal.emulator.services.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.DescribeResourceConfigurations;
import io.selfheal.emulator.messages.DescribeResourceConfigurations.Relationship;
import io.selfheal.emulator.messages.DescribeResourceConfigurations.Resource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Answers AWS Config's {@link DescribeResourceConfigurations} for {@code AWS::IAM::Role} (in every region: IAM is
 * global). The item is AWS's: resource id the role id ({@code AROA…}), name the role name, {@code configuration} the
 * role as GetAccountAuthorizationDetails shows it with policy documents URL-encoded
 * ({@code assumeRolePolicyDocument}, {@code rolePolicyList}, {@code attachedManagedPolicies},
 * {@code instanceProfileList}), and "Is attached to CustomerManagedPolicy" for each attached customer policy.
 */
final class RoleConfigurations {
    private final IamStore store;

    private RoleConfigurations(IamStore store) {
        this.store = store;
    }

    static void register(EmulatorContext context, IamStore store) {
        RoleConfigurations answers = new RoleConfigurations(store);
        context.bus().handle(DescribeResourceConfigurations.class, "AWS::IAM::Role", answers::describe);
    }

    private DescribeResourceConfigurations.Result describe(DescribeResourceConfigurations q) {
        IamAccount account = store.account(q.accountId());
        synchronized (account) {
            List<Resource> out = new ArrayList<>();
            account.roles.values().stream().sorted(Comparator.comparing((Role r) -> r.created)
                    .thenComparing(r -> r.name)).forEach(r -> out.add(resource(account, r)));
            return new DescribeResourceConfigurations.Result(out);
        }
    }

    private static Resource resource(IamAccount account, Role r) {
        ObjectNode c = Json.object().put("path", r.path).put("roleName", r.name).put("roleId", r.roleId)
                .put("arn", r.arn).put("createDate", r.created.toString())
                .put("assumeRolePolicyDocument", encoded(r.trustPolicy.text()));
        c.put("description", r.description).put("maxSessionDuration", r.maxSessionDuration);
        ArrayNode profiles = c.putArray("instanceProfileList");
        account.instanceProfiles.values().stream().filter(p -> r.name.equalsIgnoreCase(p.roleName))
                .forEach(p -> profiles.addObject().put("path", p.path).put("instanceProfileName", p.name)
                        .put("instanceProfileId", p.id).put("arn", p.arn)
                        .put("createDate", p.created.toString()));
        ArrayNode inline = c.putArray("rolePolicyList");
        r.inline.forEach((name, doc) -> inline.addObject().put("policyName", name)
                .put("policyDocument", encoded(doc.text())));
        ArrayNode attached = c.putArray("attachedManagedPolicies");
        List<Relationship> related = new ArrayList<>();
        for (String arn : r.attached) {
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            attached.addObject().put("policyName", name).put("policyArn", arn);
            if (!arn.startsWith("arn:aws:iam::aws:")) {
                related.add(new Relationship("AWS::IAM::Policy", null, name,
                        "Is attached to CustomerManagedPolicy"));
            }
        }
        if (r.permissionsBoundary != null) {
            c.putObject("permissionsBoundary").put("permissionsBoundaryType", "PermissionsBoundaryPolicy")
                    .put("permissionsBoundaryArn", r.permissionsBoundary);
        } else {
            c.putNull("permissionsBoundary");
        }
        ArrayNode tags = c.putArray("tags");
        r.tags.forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
        c.putNull("roleLastUsed");
        return new Resource(r.roleId, r.name, r.arn, "Not Applicable", r.created, new LinkedHashMap<>(r.tags), c,
                null, related);
    }

    /** IAM's policy documents travel URL-encoded in its API and in Config's items. */
    private static String encoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

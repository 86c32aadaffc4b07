package io.selfheal.emulator.services.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.protocol.TimestampNode;

/** The IAM API Reference's data types (Role, User, Policy, PolicyVersion, InstanceProfile) as responses carry them. */
final class IamShapes {
    private IamShapes() {
    }

    static ObjectNode role(Role r, boolean withTags) {
        ObjectNode n = Json.object().put("Path", r.path).put("RoleName", r.name).put("RoleId", r.roleId)
                .put("Arn", r.arn);
        n.set("CreateDate", TimestampNode.of(r.created));
        n.put("AssumeRolePolicyDocument", Documents.encoded(r.trustPolicy));
        if (r.description != null) {
            n.put("Description", r.description);
        }
        n.put("MaxSessionDuration", r.maxSessionDuration);
        if (r.permissionsBoundary != null) {
            n.putObject("PermissionsBoundary").put("PermissionsBoundaryType", "Policy")
                    .put("PermissionsBoundaryArn", r.permissionsBoundary);
        }
        if (withTags && !r.tags.isEmpty()) {
            n.set("Tags", Tags.json(r.tags));
        }
        return n;
    }

    static ObjectNode user(User u, boolean withTags) {
        ObjectNode n = Json.object().put("Path", u.path).put("UserName", u.name).put("UserId", u.userId)
                .put("Arn", u.arn);
        n.set("CreateDate", TimestampNode.of(u.created));
        if (u.permissionsBoundary != null) {
            n.putObject("PermissionsBoundary").put("PermissionsBoundaryType", "Policy")
                    .put("PermissionsBoundaryArn", u.permissionsBoundary);
        }
        if (withTags && !u.tags.isEmpty()) {
            n.set("Tags", Tags.json(u.tags));
        }
        return n;
    }

    static ObjectNode policy(ManagedPolicy p, int attachments) {
        ObjectNode n = Json.object().put("PolicyName", p.name).put("PolicyId", p.policyId).put("Arn", p.arn)
                .put("Path", p.path).put("DefaultVersionId", p.defaultVersionId).put("AttachmentCount", attachments)
                .put("PermissionsBoundaryUsageCount", 0).put("IsAttachable", true);
        if (p.description != null) {
            n.put("Description", p.description);
        }
        n.set("CreateDate", TimestampNode.of(p.created));
        n.set("UpdateDate", TimestampNode.of(p.updated));
        return n;
    }

    static ObjectNode version(ManagedPolicy p, ManagedPolicy.Version v, boolean withDocument) {
        ObjectNode n = Json.object();
        if (withDocument) {
            n.put("Document", Documents.encoded(v.document()));
        }
        n.put("VersionId", v.versionId()).put("IsDefaultVersion", v.versionId().equals(p.defaultVersionId));
        n.set("CreateDate", TimestampNode.of(v.created()));
        return n;
    }

    static ObjectNode instanceProfile(InstanceProfile ip, IamAccount account) {
        ObjectNode n = Json.object().put("Path", ip.path).put("InstanceProfileName", ip.name)
                .put("InstanceProfileId", ip.id).put("Arn", ip.arn);
        n.set("CreateDate", TimestampNode.of(ip.created));
        ArrayNode roles = n.putArray("Roles");
        if (ip.roleName != null && account.roles.containsKey(ip.roleName)) {
            roles.add(role(account.roles.get(ip.roleName), false));
        }
        if (!ip.tags.isEmpty()) {
            n.set("Tags", Tags.json(ip.tags));
        }
        return n;
    }

    static ObjectNode attached(String policyArn) {
        return Json.object().put("PolicyName", policyArn.substring(policyArn.lastIndexOf('/') + 1))
                .put("PolicyArn", policyArn);
    }
}

package io.selfheal.emulator.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.protocol.TimestampNode;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;

/**
 * CreateUser, GetUser, ListUsers, DeleteUser and the user's access keys. A key CreateAccessKey issues is registered
 * with the emulator's identities, so requests signed with it are the user's ({@code aws sts get-caller-identity}).
 */
final class UserOperations {
    private final IamStore store;
    private final EmulatorContext context;

    UserOperations(IamStore store, EmulatorContext context) {
        this.store = store;
        this.context = context;
    }

    JsonNode create(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String name = IamParams.name(p, "UserName", 64);
        String path = IamParams.path(p);
        var tags = Tags.read(p);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            if (account.users.containsKey(name)) {
                throw IamErrors.alreadyExists("User with name " + name + " already exists.");
            }
            User user = new User(name, path, account.accountId, context.ids().iamId("AIDA"), context.clock().now());
            Tags.merge(user.tags, tags);
            account.users.put(name, user);
            return Json.object().set("User", IamShapes.user(user, true));
        }
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            if (!p.has("UserName") && "Root".equals(ctx.caller().type())) {
                ObjectNode root = Json.object().put("UserId", account.accountId).put("Arn", ctx.caller().arn());
                return Json.object().set("User", root);
            }
            return Json.object().set("User", IamShapes.user(account.user(userName(ctx, p)), true));
        }
    }

    JsonNode list(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String prefix = p.string("PathPrefix", "/");
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            var users = new ArrayList<>(account.users.values().stream().filter(u -> u.path.startsWith(prefix))
                    .toList());
            return IamParams.page(p, users, "Users", u -> IamShapes.user(u, false));
        }
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            User user = account.user(IamParams.name(p, "UserName", 64));
            if (!user.accessKeys.isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
            }
            if (!user.inline.isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!user.attached.isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            account.users.remove(user.name);
        }
        return null;
    }

    JsonNode createAccessKey(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            User user = account.user(userName(ctx, p));
            if (user.accessKeys.size() >= User.MAX_ACCESS_KEYS) {
                throw IamErrors.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + User.MAX_ACCESS_KEYS);
            }
            User.AccessKey key = new User.AccessKey(context.ids().iamId("AKIA"), context.ids().secret(40), "Active",
                    context.clock().now());
            user.accessKeys.put(key.accessKeyId(), key);
            context.identities().register(new CallerIdentity(account.accountId, user.arn, user.userId,
                    key.accessKeyId(), "IAMUser"));
            ObjectNode k = Json.object().put("UserName", user.name).put("AccessKeyId", key.accessKeyId())
                    .put("Status", key.status()).put("SecretAccessKey", key.secret());
            k.set("CreateDate", TimestampNode.of(key.created()));
            return Json.object().set("AccessKey", k);
        }
    }

    JsonNode listAccessKeys(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            User user = account.user(userName(ctx, p));
            return IamParams.page(p, new ArrayList<>(user.accessKeys.values()), "AccessKeyMetadata", k -> {
                ObjectNode n = Json.object().put("UserName", user.name).put("AccessKeyId", k.accessKeyId())
                        .put("Status", k.status());
                n.set("CreateDate", TimestampNode.of(k.created()));
                return n;
            });
        }
    }

    JsonNode deleteAccessKey(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String keyId = p.required("AccessKeyId");
        IamAccount account = store.account(ctx.accountId());
        synchronized (account) {
            User user = account.user(userName(ctx, p));
            if (user.accessKeys.remove(keyId) == null) {
                throw IamErrors.noSuchEntity("The Access Key with id " + keyId + " cannot be found.");
            }
            context.identities().unregister(keyId);
        }
        return null;
    }

    /** The UserName given, else the calling user's own name (IAM's rule for these operations). */
    private static String userName(RequestContext ctx, Params p) {
        if (p.has("UserName")) {
            return IamParams.name(p, "UserName", 64);
        }
        CallerIdentity caller = ctx.caller();
        if (!"IAMUser".equals(caller.type())) {
            throw new AwsException("ValidationError", "Must specify userName when calling with non-User credentials",
                    400);
        }
        return caller.arn().substring(caller.arn().lastIndexOf('/') + 1);
    }
}

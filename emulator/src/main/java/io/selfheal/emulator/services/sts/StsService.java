package io.selfheal.emulator.services.sts;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.core.authz.AccessDeniedMessages;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Params;
import io.selfheal.emulator.service.ResourceArns;

/** AWS Security Token Service. */
public final class StsService extends AbstractAwsService {
    private static final ServiceDescriptor DESCRIPTOR =
            ServiceDescriptor.query("sts", "https://sts.amazonaws.com/doc/2011-06-15/");

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new StsService(context);
        }
    }

    private static final int MAX_ENCODED = 10240;

    StsService(EmulatorContext context) {
        super("AWS STS", DESCRIPTOR, "sts");
        AssumeRoleOperation assume = new AssumeRoleOperation(context);
        operations.add(read("GetCallerIdentity", this::getCallerIdentity).resources(ResourceArns.ANY));
        operations.add(read("AssumeRole", assume::assumeRole).resources(ResourceArns.arnIn("RoleArn")));
        operations.add(read("DecodeAuthorizationMessage", this::decodeAuthorizationMessage)
                .resources(ResourceArns.ANY));
    }

    private JsonNode getCallerIdentity(RequestContext ctx, ObjectNode input) {
        CallerIdentity caller = ctx.caller();
        return Json.object().put("UserId", caller.userId()).put("Account", caller.accountId()).put("Arn", caller.arn());
    }

    /**
     * DecodeAuthorizationMessage (https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html):
     * the JSON behind an encoded authorization failure message this emulator wrote (EC2's UnauthorizedOperation).
     * The caller needs {@code sts:DecodeAuthorizationMessage}, which the front door checks like any action.
     */
    private JsonNode decodeAuthorizationMessage(RequestContext ctx, ObjectNode input) {
        String encoded = new Params(input, Params.QUERY).required("EncodedMessage");
        if (encoded.length() > MAX_ENCODED) {
            throw Params.QUERY.invalid("EncodedMessage", encoded,
                    "Member must have length less than or equal to " + MAX_ENCODED);
        }
        String decoded = AccessDeniedMessages.decode(encoded);
        if (decoded == null) {
            throw AwsException.badRequest("InvalidAuthorizationMessageException",
                    "The message passed to DecodeAuthorizationMessage was invalid.");
        }
        return Json.object().put("DecodedMessage", decoded);
    }
}

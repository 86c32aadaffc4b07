package io.selfheal.emulator.services.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operation;
import java.util.Map;

/** AWS Security Token Service. */
public final class StsService implements AwsService {
    private static final ServiceDescriptor DESCRIPTOR =
            ServiceDescriptor.query("sts", "https://sts.amazonaws.com/doc/2011-06-15/");

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new StsService();
        }
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of("GetCallerIdentity", this::getCallerIdentity);
    }

    private JsonNode getCallerIdentity(RequestContext ctx, ObjectNode input) {
        CallerIdentity caller = ctx.caller();
        return Json.object().put("UserId", caller.userId()).put("Account", caller.accountId()).put("Arn", caller.arn());
    }
}

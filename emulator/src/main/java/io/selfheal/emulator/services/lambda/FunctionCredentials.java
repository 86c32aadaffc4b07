package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.IdentityRegistry;
import io.selfheal.emulator.core.Ids;

/**
 * The temporary credentials a function runs with, standing for a session of its execution role named after the
 * function, as Lambda's are. Registered with the emulator's identities so that every call the function makes is
 * attributed to {@code arn:aws:sts::<account>:assumed-role/<role>/<function>} in the API call log.
 */
record FunctionCredentials(String accessKeyId, String secretAccessKey, String sessionToken, CallerIdentity identity) {

    static FunctionCredentials issue(Ids ids, FunctionConfig config, String functionName) {
        String account = config.roleAccount();
        String accessKeyId = ids.iamId("ASIA");
        CallerIdentity identity = new CallerIdentity(account,
                "arn:aws:sts::" + account + ":assumed-role/" + config.roleName() + "/" + functionName,
                ids.iamId("AROA") + ":" + functionName, accessKeyId, "AssumedRole");
        return new FunctionCredentials(accessKeyId, ids.secret(40), "IQoJb3JpZ2luX2VjE" + ids.secret(300), identity);
    }

    void register(IdentityRegistry identities) {
        identities.register(identity);
    }

    void unregister(IdentityRegistry identities) {
        identities.unregister(accessKeyId);
    }
}

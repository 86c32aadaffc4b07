package io.selfheal.scenarios;

import java.util.Map;

/** The environment the AWS CLI runs in against a local endpoint: dummy credentials, no user config, no pager. */
final class AwsCliEnvironment {
    private AwsCliEnvironment() {
    }

    static void configure(Map<String, String> env, String endpoint) {
        env.put("AWS_ENDPOINT_URL", endpoint);
        env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    }
}

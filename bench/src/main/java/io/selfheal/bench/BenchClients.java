package io.selfheal.bench;

import io.selfheal.emulator.Emulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/** SDK clients for an emulator, with default HTTP settings (the Apache client, pooled keep-alive connections). */
final class BenchClients {
    private BenchClients() {
    }

    static <B extends AwsClientBuilder<B, C>, C> C of(B builder, Emulator emulator) {
        return builder.endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .build();
    }

    /** Makes a role Lambda may assume (CreateFunction refuses one that does not exist), and returns its ARN. */
    static String lambdaRole(Emulator emulator, String name) {
        try (software.amazon.awssdk.services.iam.IamClient iam =
                     of(software.amazon.awssdk.services.iam.IamClient.builder(), emulator)) {
            return iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        }
    }
}

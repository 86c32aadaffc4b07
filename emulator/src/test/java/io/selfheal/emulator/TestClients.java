package io.selfheal.emulator;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/** Configures unmodified AWS SDK v2 clients for an emulator: only the endpoint, region and dummy keys change. */
public final class TestClients {
    private TestClients() {
    }

    public static <B extends AwsClientBuilder<B, C>, C> C of(B builder, Emulator emulator) {
        return of(builder, emulator.endpoint(), "AKIAIOSFODNN7EXAMPLE");
    }

    public static <B extends AwsClientBuilder<B, C>, C> C of(B builder, URI endpoint, String accessKey) {
        return of(builder, endpoint, accessKey, Region.US_EAST_1);
    }

    public static <B extends AwsClientBuilder<B, C>, C> C of(B builder, Emulator emulator, Region region) {
        return of(builder, emulator.endpoint(), "AKIAIOSFODNN7EXAMPLE", region);
    }

    private static <B extends AwsClientBuilder<B, C>, C> C of(B builder, URI endpoint, String accessKey,
                                                              Region region) {
        return builder.endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKey, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
                .build();
    }
}

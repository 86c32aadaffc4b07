package io.selfheal.harness.junit5;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds any AWS SDK v2 service client (sync or async) from its static {@code builder()}, pointed at an emulator —
 * reflectively, so every service client on the test's class path works without the harness depending on it.
 */
final class SdkClients {
    /** The access key names no account, so calls act in the emulator's default (the configured) account. */
    static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASELFHEALJUNIT5", "selfheal"));

    private SdkClients() {
    }

    /** Whether {@code type} is an SDK client type at all (buildable or not). */
    static boolean isClientType(Class<?> type) {
        return SdkClient.class.isAssignableFrom(type);
    }

    /** Whether {@code type} is a service client interface with a static {@code builder()} returning an AWS builder. */
    static boolean isBuildable(Class<?> type) {
        return isClientType(type) && builderMethod(type) != null;
    }

    static <C> C build(Class<C> type, URI endpoint, String region) {
        Method builder = builderMethod(type);
        if (builder == null) {
            throw new IllegalArgumentException(type.getName() + " has no static builder() returning an "
                    + "AwsClientBuilder: ask for a service client interface such as Ec2Client or CloudWatchAsyncClient");
        }
        try {
            AwsClientBuilder<?, ?> b = (AwsClientBuilder<?, ?>) builder.invoke(null);
            b.endpointOverride(endpoint);
            b.region(Region.of(region));
            b.credentialsProvider(CREDENTIALS);
            return type.cast(b.build());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not build " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("could not build " + type.getSimpleName() + ": " + e, e);
        }
    }

    private static Method builderMethod(Class<?> type) {
        try {
            Method m = type.getMethod("builder");
            return Modifier.isStatic(m.getModifiers()) && AwsClientBuilder.class.isAssignableFrom(m.getReturnType())
                    ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}

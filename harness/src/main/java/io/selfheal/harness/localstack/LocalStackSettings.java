package io.selfheal.harness.localstack;

import java.util.Map;

/**
 * How to start LocalStack: the image (any LocalStack-compatible one) and the auth token current images require
 * (https://java.testcontainers.org/modules/localstack/: from March 2026 {@code localstack/localstack} needs
 * {@code LOCALSTACK_AUTH_TOKEN}; older pinned tags start without it).
 *
 * @param image     the image and tag; {@link #DEFAULT_IMAGE} unless set
 * @param authToken passed to the container as {@code LOCALSTACK_AUTH_TOKEN}, or null
 */
public record LocalStackSettings(String image, String authToken) {
    /** A pinned tag, as LocalStack advises against {@code latest}. */
    public static final String DEFAULT_IMAGE = "localstack/localstack:4.0";
    static final String AUTH_TOKEN = "LOCALSTACK_AUTH_TOKEN";
    static final String IMAGE_VARIABLE = "SELFHEAL_LOCALSTACK_IMAGE";

    public LocalStackSettings {
        image = image == null || image.isBlank() ? DEFAULT_IMAGE : image;
        authToken = authToken == null || authToken.isBlank() ? null : authToken;
    }

    /** The image from {@code option}, else {@code SELFHEAL_LOCALSTACK_IMAGE}; the token from the environment. */
    public static LocalStackSettings from(String option, Map<String, String> environment) {
        return new LocalStackSettings(option != null ? option : environment.get(IMAGE_VARIABLE),
                environment.get(AUTH_TOKEN));
    }
}

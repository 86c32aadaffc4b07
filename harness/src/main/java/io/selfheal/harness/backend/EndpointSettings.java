package io.selfheal.harness.backend;

import java.net.URI;
import java.util.Locale;

/**
 * Where and as whom the endpoint backend runs: {@code --endpoint-url} (null: AWS's own endpoints), {@code --profile},
 * {@code --region} (null: the SDK's chains decide) and {@code --confirm-account}, the guard that a run against a
 * real AWS account is against the one the user meant.
 */
public record EndpointSettings(URI endpoint, String profile, String region, String confirmAccount) {
    public EndpointSettings {
        if (confirmAccount != null && !confirmAccount.matches("\\d{12}")) {
            throw new IllegalArgumentException("--confirm-account takes a 12-digit AWS account id, not "
                    + confirmAccount);
        }
        if (realAws(endpoint) && confirmAccount == null) {
            throw new IllegalArgumentException("running against " + (endpoint == null ? "AWS" : endpoint.getHost())
                    + " creates and deletes real resources: name the account with --confirm-account 123456789012");
        }
    }

    /** Whether {@code endpoint} is AWS itself: no override, or a host of {@code amazonaws.com}. */
    public static boolean realAws(URI endpoint) {
        if (endpoint == null) {
            return true;
        }
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        return host.equals("amazonaws.com") || host.endsWith(".amazonaws.com")
                || host.endsWith(".amazonaws.com.cn");
    }

    /** Refuses any account but the confirmed one (STS named {@code actual}). */
    void checkAccount(String actual) {
        if (confirmAccount != null && !confirmAccount.equals(actual)) {
            throw new IllegalStateException("these credentials act in account " + actual + ", not the confirmed "
                    + confirmAccount + ": nothing was created");
        }
    }
}

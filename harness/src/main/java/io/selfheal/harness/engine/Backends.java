package io.selfheal.harness.engine;

import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.backend.EndpointCloud;
import io.selfheal.harness.backend.EndpointSettings;
import io.selfheal.harness.scenario.Scenario;
import java.net.URI;
import java.util.function.Function;

/**
 * Which cloud each scenario runs on, chosen once for a run: a fresh embedded emulator per scenario (the default), or
 * the endpoint backend ({@code --endpoint-url}/{@code --profile}/{@code --region}/{@code --confirm-account}, or the
 * TestEngine configuration parameters {@code selfheal.endpointUrl}, {@code selfheal.profile},
 * {@code selfheal.region}, {@code selfheal.confirmAccount}).
 */
public final class Backends {
    public static final String ENDPOINT_URL = "selfheal.endpointUrl";
    public static final String PROFILE = "selfheal.profile";
    public static final String REGION = "selfheal.region";
    public static final String CONFIRM_ACCOUNT = "selfheal.confirmAccount";
    /** {@code true}: the endpoint backend against AWS's own endpoints (no endpoint URL). */
    public static final String REAL_AWS = "selfheal.realAws";

    private Backends() {
    }

    /** A fresh embedded emulator per scenario, seeded with its name, on its clock. */
    public static Function<Scenario, Cloud> embedded() {
        return scenario -> new EmbeddedCloud(scenario.virtualTime(), scenario.idSeed());
    }

    /** The endpoint backend: each scenario connects anew (STS, then the capabilities document). */
    public static Function<Scenario, Cloud> endpoint(EndpointSettings settings) {
        return scenario -> EndpointCloud.connect(settings);
    }

    /**
     * From configuration parameters (null when unset): the endpoint backend when an endpoint URL or real AWS is
     * asked for, else embedded.
     *
     * @throws IllegalArgumentException for a bad URL, or real AWS without a confirmed account
     */
    public static Function<Scenario, Cloud> from(Function<String, String> parameters) {
        String url = parameters.apply(ENDPOINT_URL);
        if (url == null && !Boolean.parseBoolean(parameters.apply(REAL_AWS))) {
            return embedded();
        }
        return endpoint(new EndpointSettings(url == null ? null : URI.create(url), parameters.apply(PROFILE),
                parameters.apply(REGION), parameters.apply(CONFIRM_ACCOUNT)));
    }
}

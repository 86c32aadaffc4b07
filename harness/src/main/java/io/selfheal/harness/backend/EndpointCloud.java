package io.selfheal.harness.backend;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Any AWS endpoint in real time: a {@code selfheal serve} started elsewhere, or AWS itself (no endpoint URL: the
 * SDK's own endpoints). Credentials and region come from the SDK's standard chains (a named profile when given).
 * When the endpoint answers the selfheal capabilities document, its control API stands in for what AWS cannot do
 * ({@link RemoteControls}); against anything else the cloud has no controls, so scenarios needing them are skipped.
 */
public final class EndpointCloud implements Cloud {
    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final String account;
    private final Optional<EmulatorControls> controls;
    private final String runId = io.selfheal.harness.runid.RunIdentity.newRunId();
    /** Without controls: outcomes read through AWS's own records, its tap made now and deleted on close. */
    private final io.selfheal.harness.backend.observe.AwsObservation awsObservation;

    private EndpointCloud(URI endpoint, String region, AwsCredentialsProvider credentials, String account,
                          Optional<EmulatorControls> controls, boolean observe) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.account = account;
        this.controls = controls;
        // AWS throttles LookupEvents at two a second: one read a second at most there.
        this.awsObservation = controls.isPresent() || !observe ? null : io.selfheal.harness.backend.observe.AwsObservation.open(
                endpoint, region, credentials, runId,
                java.time.Instant.now().minusSeconds(1),
                endpoint == null ? java.time.Duration.ofSeconds(1) : java.time.Duration.ofMillis(200));
    }

    /**
     * Connects: resolves credentials and region, asks STS whose account they act in, and discovers a control API.
     *
     * @param settings where and as whom
     * @throws IllegalStateException when {@link EndpointSettings#confirmAccount()} names another account
     */
    public static EndpointCloud connect(EndpointSettings settings) {
        return connect(settings, settings.profile() == null ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(settings.profile()));
    }

    /** {@link #connect(EndpointSettings)} with credentials of the caller's choosing (a test's, an extension's). */
    public static EndpointCloud connect(EndpointSettings settings, AwsCredentialsProvider credentials) {
        String region = settings.region() != null ? settings.region() : defaultRegion(settings.profile());
        String account = callerAccount(settings.endpoint(), region, credentials);
        settings.checkAccount(account);
        Optional<EmulatorControls> controls = settings.endpoint() == null ? Optional.empty()
                : RemoteControls.discover(settings.endpoint(), account, region).map(c -> (EmulatorControls) c);
        return new EndpointCloud(settings.endpoint(), region, credentials, account, controls, true);
    }

    /**
     * The account alone, for {@code selfheal cleanup}: the same guards ({@code --confirm-account} checked against
     * STS), but no control API and no observation (nothing is made).
     */
    public static EndpointCloud account(EndpointSettings settings) {
        AwsCredentialsProvider credentials = settings.profile() == null ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(settings.profile());
        String region = settings.region() != null ? settings.region() : defaultRegion(settings.profile());
        String account = callerAccount(settings.endpoint(), region, credentials);
        settings.checkAccount(account);
        return new EndpointCloud(settings.endpoint(), region, credentials, account, Optional.empty(), false);
    }

    private static String defaultRegion(String profile) {
        try {
            return (profile == null ? new DefaultAwsRegionProviderChain()
                    : DefaultAwsRegionProviderChain.builder().profileName(profile).build()).getRegion().id();
        } catch (RuntimeException none) {
            throw new IllegalArgumentException("no region: pass --region, or set AWS_REGION or the profile's region");
        }
    }

    /** STS GetCallerIdentity: the account the credentials act in (also proves they work before anything is made). */
    private static String callerAccount(URI endpoint, String region, AwsCredentialsProvider credentials) {
        var builder = StsClient.builder().region(Region.of(region)).credentialsProvider(credentials);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        try (StsClient sts = builder.build()) {
            return sts.getCallerIdentity().account();
        }
    }

    /** The account the run acts in, as STS named it. */
    public String account() {
        return account;
    }

    @Override
    public String describe() {
        String where = endpoint == null ? "AWS" : endpoint.toString();
        return "endpoint " + where + " (account " + account + ", " + region + ", "
                + (controls.isPresent() ? "control API: " + controls.get().capabilities().size() + " capabilities"
                : "no control API") + ", run id " + runId + ")";
    }

    /** Every run on an endpoint names, tags and deletes what it makes by this id: the endpoint outlives it. */
    @Override
    public Optional<String> runId() {
        return Optional.of(runId);
    }

    /** The endpoint override, or null for AWS's own endpoints. */
    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    @Override
    public Optional<EmulatorControls> controls() {
        return controls;
    }

    @Override
    public io.selfheal.harness.backend.observe.Observation observation() {
        return awsObservation != null ? awsObservation : Cloud.super.observation();
    }

    @Override
    public void close() {
        // The endpoint outlives the run; the resources the run made are its cleanup's business, but for the
        // observation's own tap.
        if (awsObservation != null) {
            awsObservation.close();
        }
    }
}

package io.selfheal.harness.cli;

import io.selfheal.harness.backend.EndpointSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where and as whom the endpoint backend acts, for {@code run} and {@code cleanup} alike. */
final class EndpointOptions {
    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Run on this AWS endpoint in real time "
            + "instead of embedded clouds: a selfheal serve started elsewhere (its control API is used when it "
            + "answers) or any AWS-compatible endpoint. Credentials and region from the SDK's standard chains.")
    java.net.URI endpointUrl;

    @Option(names = "--real-aws", description = "Run on AWS's own endpoints (a real account): requires "
            + "--confirm-account.")
    boolean realAws;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "The named profile of the AWS config files "
            + "to take credentials and region from (endpoint backend).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "The region to run in (endpoint backend); "
            + "default: the SDK's region chain (AWS_REGION, the profile).")
    String region;

    @Option(names = "--confirm-account", paramLabel = "ACCOUNT", description = "Refuse to run unless STS "
            + "GetCallerIdentity names this 12-digit account; required against AWS itself.")
    String confirmAccount;

    /** Whether an endpoint was asked for ({@code --endpoint-url} or {@code --real-aws}). */
    boolean given() {
        return endpointUrl != null || realAws;
    }

    /**
     * The settings, checked.
     *
     * @throws CommandLine.ParameterException for options that do not go together or a bad account id
     */
    EndpointSettings settings(CommandLine cli) {
        if (!given()) {
            if (profile != null || region != null || confirmAccount != null) {
                throw new CommandLine.ParameterException(cli, "--profile, --region and --confirm-account go "
                        + "with --endpoint-url or --real-aws");
            }
            return null;
        }
        if (endpointUrl != null && realAws) {
            throw new CommandLine.ParameterException(cli, "give --endpoint-url or --real-aws, not both");
        }
        try {
            return new EndpointSettings(endpointUrl, profile, region, confirmAccount);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }
}

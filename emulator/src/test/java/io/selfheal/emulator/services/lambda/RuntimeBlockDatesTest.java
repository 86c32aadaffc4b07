package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A deprecated runtime stays usable until AWS's block dates, on the emulator's clock: CreateFunction is refused from
 * the "block function create" date, UpdateFunctionCode and UpdateFunctionConfiguration from the "block function
 * update" date ("Runtime use after deprecation",
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtime-deprecation-levels). python3.9 was
 * deprecated on 2025-12-15; AWS moved its block dates to 2027-02-01 (create) and 2027-03-03 (update).
 */
class RuntimeBlockDatesTest {
    private static final String NO_LONGER_SUPPORTED = "The runtime parameter of python3.9 is no longer supported for "
            + "creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or "
            + "updating functions.";

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.virtualTime(Instant.parse("2027-01-31T23:00:00Z")).perTest();

    @Test
    void deprecatedRuntimeIsCreatedUntilItsBlockCreateDateAndUpdatedUntilItsBlockUpdateDate() {
        LambdaClient lambda = aws.client(LambdaClient.class);
        byte[] zip = TestFunctions.zipOf("/lambda/python");

        // Deprecated, not yet blocked: accepted.
        assertThat(TestFunctions.createScript(lambda, "old", "python3.9", zip, "echo.handler", b -> { }).runtime())
                .isEqualTo(Runtime.PYTHON3_9);

        aws.advance(Duration.ofHours(1)); // 2027-02-01T00:00Z
        assertThatThrownBy(() -> TestFunctions.createScript(lambda, "new", "python3.9", zip, "echo.handler", b -> { }))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith(NO_LONGER_SUPPORTED);
        // The existing function can still be updated until the block-update date.
        lambda.updateFunctionCode(u -> u.functionName("old").zipFile(SdkBytes.fromByteArray(zip)));
        lambda.updateFunctionConfiguration(u -> u.functionName("old").description("still updatable"));

        aws.advance(Duration.ofDays(30)); // 2027-03-03T00:00Z
        assertThatThrownBy(() -> lambda.updateFunctionCode(u -> u.functionName("old")
                .zipFile(SdkBytes.fromByteArray(zip))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith(NO_LONGER_SUPPORTED);
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(u -> u.functionName("old").description("x")))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith(NO_LONGER_SUPPORTED);
        // A supported runtime is still created on the same day.
        assertThat(TestFunctions.createScript(lambda, "current", "python3.12", zip, "echo.handler", b -> { })
                .runtime()).isEqualTo(Runtime.PYTHON3_12);
    }
}

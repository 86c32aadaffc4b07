package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.services.lambda.testfunctions.EchoHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The asynchronous invocation settings through the SDK v2, with AWS's validation and errors:
 * Put/Update/Get/List/DeleteFunctionEventInvokeConfig
 * (https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html), DeadLetterConfig on
 * Create/UpdateFunctionConfiguration (https://docs.aws.amazon.com/lambda/latest/api/API_DeadLetterConfig.html) and
 * Put/Get/DeleteFunctionConcurrency (https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionConcurrency.html).
 */
class LambdaAsyncConfigurationTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:failures";
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();

    private LambdaClient lambda;

    @BeforeEach
    void setUp(LambdaClient client) {
        lambda = client;
        TestFunctions.create(lambda, "fn", EchoHandler.class);
    }

    @Test
    void putReplacesTheWholeConfigAndUpdateChangesOnlyWhatItNames() {
        var put = lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn")
                .maximumRetryAttempts(1).maximumEventAgeInSeconds(3600)
                .destinationConfig(d -> d.onFailure(f -> f.destination(QUEUE))));
        assertThat(put.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST");
        assertThat(put.maximumRetryAttempts()).isEqualTo(1);
        assertThat(put.maximumEventAgeInSeconds()).isEqualTo(3600);
        assertThat(put.destinationConfig().onFailure().destination()).isEqualTo(QUEUE);
        assertThat(put.lastModified()).isNotNull();

        var updated = lambda.updateFunctionEventInvokeConfig(b -> b.functionName("fn").maximumRetryAttempts(0)
                .destinationConfig(d -> d.onSuccess(s -> s.destination(TOPIC))));
        assertThat(updated.maximumRetryAttempts()).isZero();
        assertThat(updated.maximumEventAgeInSeconds()).isEqualTo(3600);
        assertThat(updated.destinationConfig().onSuccess().destination()).isEqualTo(TOPIC);
        assertThat(updated.destinationConfig().onFailure().destination()).isEqualTo(QUEUE);

        var replaced = lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn").maximumRetryAttempts(2));
        assertThat(replaced.maximumEventAgeInSeconds()).isNull();
        assertThat(replaced.destinationConfig().onFailure().destination()).isNull();

        var got = lambda.getFunctionEventInvokeConfig(b -> b.functionName("fn"));
        assertThat(got.maximumRetryAttempts()).isEqualTo(2);
        assertThat(lambda.listFunctionEventInvokeConfigs(b -> b.functionName("fn")).functionEventInvokeConfigs())
                .extracting(FunctionEventInvokeConfig::maximumRetryAttempts).containsExactly(2);

        lambda.deleteFunctionEventInvokeConfig(b -> b.functionName("fn"));
        assertThat(lambda.listFunctionEventInvokeConfigs(b -> b.functionName("fn")).functionEventInvokeConfigs())
                .isEmpty();
    }

    @Test
    void withoutAConfigGetUpdateAndDeleteAreNotFound() {
        String message = "The function arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST doesn't have an "
                + "EventInvokeConfig";
        assertThatThrownBy(() -> lambda.getFunctionEventInvokeConfig(b -> b.functionName("fn")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(message);
        assertThatThrownBy(() -> lambda.updateFunctionEventInvokeConfig(b -> b.functionName("fn")
                .maximumRetryAttempts(1))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.deleteFunctionEventInvokeConfig(b -> b.functionName("fn")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
    }

    @Test
    void retriesAgeAndDestinationsAreValidated() {
        assertThatThrownBy(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn")
                .maximumRetryAttempts(3)))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).contains("Value '3' at 'maximumRetryAttempts' failed to satisfy "
                            + "constraint: Member must have value less than or equal to 2");
                });
        assertThatThrownBy(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn")
                .maximumEventAgeInSeconds(59)))
                .hasMessageContaining("Value '59' at 'maximumEventAgeInSeconds' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 60");
        assertThatThrownBy(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn")
                .maximumEventAgeInSeconds(21601)))
                .hasMessageContaining("Member must have value less than or equal to 21600");
        assertThatThrownBy(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn")
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:s3:::bucket")))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn")
                .destinationConfig(d -> d.onSuccess(f -> f.destination(
                        "arn:aws:lambda:us-east-1:123456789012:function:fn")))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("You can't specify the function as a destination for itself.");
    }

    @Test
    void deadLetterConfigIsSetOnCreateChangedOnUpdateAndRemovedByAnEmptyTarget() {
        var created = TestFunctions.create(lambda, "with-dlq", EchoHandler.class,
                b -> b.deadLetterConfig(d -> d.targetArn(QUEUE)));
        assertThat(created.deadLetterConfig().targetArn()).isEqualTo(QUEUE);

        var updated = lambda.updateFunctionConfiguration(b -> b.functionName("with-dlq")
                .deadLetterConfig(d -> d.targetArn(TOPIC)));
        assertThat(updated.deadLetterConfig().targetArn()).isEqualTo(TOPIC);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("with-dlq")).deadLetterConfig().targetArn())
                .isEqualTo(TOPIC);

        var removed = lambda.updateFunctionConfiguration(b -> b.functionName("with-dlq")
                .deadLetterConfig(d -> d.targetArn("")));
        assertThat(removed.deadLetterConfig()).isNull();

        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName("with-dlq")
                .deadLetterConfig(d -> d.targetArn("arn:aws:lambda:us-east-1:123456789012:function:fn"))))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void reservedConcurrencyIsPutReadAndDeletedWithinTheAccountLimit() {
        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("fn")).reservedConcurrentExecutions())
                .isNull();
        assertThat(lambda.putFunctionConcurrency(b -> b.functionName("fn").reservedConcurrentExecutions(0))
                .reservedConcurrentExecutions()).isZero();
        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("fn")).reservedConcurrentExecutions())
                .isZero();
        assertThat(lambda.getFunction(b -> b.functionName("fn")).concurrency().reservedConcurrentExecutions())
                .isZero();

        // 1000 per account and region by default, of which 100 stay unreserved
        // https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
        assertThat(lambda.putFunctionConcurrency(b -> b.functionName("fn").reservedConcurrentExecutions(900))
                .reservedConcurrentExecutions()).isEqualTo(900);
        TestFunctions.create(lambda, "other", EchoHandler.class);
        assertThatThrownBy(() -> lambda.putFunctionConcurrency(b -> b.functionName("other")
                .reservedConcurrentExecutions(1)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Specified ReservedConcurrentExecutions for function decreases account's "
                        + "UnreservedConcurrentExecution below its minimum value of [100].");
        assertThatThrownBy(() -> lambda.putFunctionConcurrency(b -> b.functionName("other")
                .reservedConcurrentExecutions(-1)))
                .hasMessageContaining("Member must have value greater than or equal to 0");

        lambda.deleteFunctionConcurrency(b -> b.functionName("fn"));
        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("fn")).reservedConcurrentExecutions())
                .isNull();
        assertThat(lambda.putFunctionConcurrency(b -> b.functionName("other").reservedConcurrentExecutions(1))
                .reservedConcurrentExecutions()).isEqualTo(1);
    }
}

package io.selfheal.emulator.services.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.authz.IamMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.InvalidAuthorizationMessageException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * DecodeAuthorizationMessage through the SDK v2
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html): EC2's
 * UnauthorizedOperation carries an encoded message; decoding it needs {@code sts:DecodeAuthorizationMessage} and
 * gives the decision as JSON (allowed, explicitDeny, the principal, action and resource); anything else is
 * InvalidAuthorizationMessageException.
 */
class StsDecodeAuthorizationMessageTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.iamMode(IamMode.ENFORCE));
    private static final String MARKER = "Encoded authorization failure message: ";
    private static final String INSTANCE = "i-0123456789abcdef0";
    private static String account;
    private static AwsCredentials bob;

    @BeforeAll
    static void bobWithAKeyAndNoPolicy() {
        IamClient iam = AWS.client(IamClient.class);
        account = AWS.emulator().accountId();
        iam.createUser(b -> b.userName("bob"));
        var key = iam.createAccessKey(b -> b.userName("bob")).accessKey();
        bob = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    private static String bobsEncodedRebootDenial() {
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(AWS.emulator().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(bob)).build()) {
            Ec2Exception denied = catchThrowableOfType(() -> ec2.rebootInstances(r -> r.instanceIds(INSTANCE)),
                    Ec2Exception.class);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            String message = denied.awsErrorDetails().errorMessage();
            return message.substring(message.indexOf(MARKER) + MARKER.length());
        }
    }

    private static StsClient stsAsBob() {
        return StsClient.builder().endpointOverride(AWS.emulator().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(bob)).build();
    }

    @Test
    void theAccountDecodesEc2sEncodedMessageIntoTheDecision(StsClient sts) throws Exception {
        String decoded = sts.decodeAuthorizationMessage(b -> b.encodedMessage(bobsEncodedRebootDenial()))
                .decodedMessage();

        JsonNode d = new ObjectMapper().readTree(decoded);
        assertThat(d.path("allowed").asBoolean(true)).isFalse();
        assertThat(d.path("explicitDeny").asBoolean(true)).isFalse();
        assertThat(d.path("matchedStatements").path("items").isArray()).isTrue();
        assertThat(d.path("context").path("principal").path("arn").asText())
                .isEqualTo("arn:aws:iam::" + account + ":user/bob");
        assertThat(d.path("context").path("action").asText()).isEqualTo("ec2:RebootInstances");
        assertThat(d.path("context").path("resource").asText())
                .isEqualTo("arn:aws:ec2:us-east-1:" + account + ":instance/" + INSTANCE);
    }

    @Test
    void decodingNeedsItsOwnPermission() {
        String encoded = bobsEncodedRebootDenial();
        try (StsClient sts = stsAsBob()) {
            StsException denied = catchThrowableOfType(() -> sts.decodeAuthorizationMessage(b -> b
                    .encodedMessage(encoded)), StsException.class);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorMessage()).contains("sts:DecodeAuthorizationMessage");

            AWS.client(IamClient.class).putUserPolicy(b -> b.userName("bob").policyName("decode").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"sts:DecodeAuthorizationMessage\",\"Resource\":\"*\"}]}"));
            assertThat(sts.decodeAuthorizationMessage(b -> b.encodedMessage(encoded)).decodedMessage())
                    .contains("\"action\":\"ec2:RebootInstances\"");
        } finally {
            AWS.client(IamClient.class).deleteUserPolicy(b -> b.userName("bob").policyName("decode"));
        }
    }

    @Test
    void aMessageNotEncodedByAwsIsInvalid(StsClient sts) {
        InvalidAuthorizationMessageException invalid = catchThrowableOfType(() -> sts.decodeAuthorizationMessage(b -> b
                .encodedMessage("not-an-encoded-message")), InvalidAuthorizationMessageException.class);

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.awsErrorDetails().errorCode()).isEqualTo("InvalidAuthorizationMessageException");
    }

    @Test
    void theEncodedMessageIsRequired(StsClient sts) {
        StsException missing = catchThrowableOfType(() -> sts.decodeAuthorizationMessage(b -> { }),
                StsException.class);

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.awsErrorDetails().errorMessage()).contains("EncodedMessage");
    }
}

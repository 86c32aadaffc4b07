package io.selfheal.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The credential scope read from the Authorization header as AWS's SigV4 writes it ("Authorization header",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html) or from a presigned URL. Real clients
 * reach this on every request of every emulator test; these are the shapes they do not send.
 */
class SigV4ScopeTest {

    private static SigV4Scope scope(String authorization, Map<String, String> query) {
        Map<String, String> headers = HttpRequest.newHeaders();
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        return SigV4Scope.of(new HttpRequest("POST", "/", query, headers, new byte[0]));
    }

    @Test
    void readsTheScopeTheSdkSigns() {
        assertThat(scope("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79", Map.of()))
                .isEqualTo(new SigV4Scope("AKIDEXAMPLE", "us-east-1", "iam"));
    }

    @Test
    void skipsACredentialThatIsNotAScopeAndReadsTheNextOne() {
        assertThat(scope("Credential=broken, Credential=K/20250101/eu-west-1/sqs/aws4_request", Map.of()))
                .isEqualTo(new SigV4Scope("K", "eu-west-1", "sqs"));
        assertThat(scope("Credential=K/20250101/eu-west-1/sqs/aws4_requesx", Map.of()).accessKeyId()).isEmpty();
        assertThat(scope("Credential=K,X/20250101/eu-west-1/sqs/aws4_request", Map.of()).accessKeyId()).isEmpty();
    }

    @Test
    void keepsEmptyPartsAsTheyAre() {
        assertThat(scope("Credential=//us-west-2//aws4_request", Map.of()))
                .isEqualTo(new SigV4Scope("", "us-west-2", ""));
    }

    @Test
    void fallsBackToThePresignedCredentialThenToUnsigned() {
        assertThat(scope("Bearer token", Map.of("X-Amz-Credential", "K/20250101/ap-south-1/s3/aws4_request")))
                .isEqualTo(new SigV4Scope("K", "ap-south-1", "s3"));
        assertThat(scope(null, Map.of())).isEqualTo(new SigV4Scope("", null, null));
    }
}

package io.selfheal.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.authz.AccessDeniedMessages;
import io.selfheal.emulator.core.authz.AuthorizationDecision;
import java.util.List;

/** One emulated AWS service as the front door sees it. */
public interface AwsService extends AutoCloseable {
    /**
     * The service's name as AWS writes it ("Amazon CloudWatch"), for documents such as {@code docs/coverage.md};
     * every built-in service names itself (a test checks), test stand-ins need not.
     */
    default String displayName() {
        return descriptor().signingName();
    }

    /** The service's primary protocol (its signing name names the service in the call log). */
    io.selfheal.emulator.protocol.ServiceDescriptor descriptor();

    /**
     * Every protocol the service answers in, e.g. SQS's AWS JSON (current SDKs) and query (older SDKs and CLIs).
     * All share the signing name and the operations.
     */
    default java.util.List<io.selfheal.emulator.protocol.ServiceDescriptor> protocols() {
        return java.util.List.of(descriptor());
    }

    /**
     * For services whose query shapes differ from their JSON shapes (SQS: renamed, flattened lists and maps): turns
     * an operation's JSON-shaped result into the tree the query codec writes. Called for query requests only.
     */
    default JsonNode queryResult(String operation, JsonNode result) {
        return result;
    }

    /** Operations by AWS operation name, each with its facts ({@link OperationSpec}). */
    Operations operations();

    /** For REST protocols: the HTTP binding of each operation, as registered with it. */
    default List<RestRoute> routes() {
        return operations().routes();
    }

    /** For services that find operations themselves (S3, {@link RequestRouter}); null for the others. */
    default RequestRouter router() {
        return null;
    }

    /**
     * Whether an operation may block (wait on a function, write files), as registered with it. Others run on the
     * front door's event loop, which saves two thread hand-offs per call; an operation that blocks without saying so
     * stalls the port.
     */
    default boolean blocking(String operation) {
        OperationSpec spec = operations().spec(operation);
        return spec != null && spec.isBlocking();
    }

    /**
     * The error a request denied by IAM answers with, in the service's own code and status: query services
     * {@code AccessDenied} (403, S3's too), AWS JSON services {@code AccessDeniedException} (400, as EventBridge's and CloudWatch
     * Logs' API references list it), REST-JSON {@code AccessDeniedException} (403), EC2 {@code UnauthorizedOperation}
     * (403, with its encoded authorization failure message). A service whose code differs (SNS's
     * {@code AuthorizationError}) overrides it.
     */
    default AwsException accessDenied(AuthorizationDecision denial) {
        String message = AccessDeniedMessages.message(denial);
        var descriptor = descriptor();
        return switch (descriptor.protocol()) {
            case EC2_QUERY -> new AwsException("UnauthorizedOperation",
                    AccessDeniedMessages.ec2Message(denial), 403);
            case QUERY, REST_XML -> new AwsException("AccessDenied", message, 403);
            case REST_JSON -> new AwsException("AccessDeniedException", message, 403);
            case AWS_JSON_1_0, AWS_JSON_1_1, RPC_V2_CBOR -> descriptor.queryCompatible()
                    ? new AwsException("AccessDenied", message, 403)
                            .withJsonType("AccessDeniedException")
                    : new AwsException("AccessDeniedException", message, 400);
        };
    }

    /**
     * The error for a request signed with temporary credentials past their expiration: {@code ExpiredToken} (403)
     * from query services ("The security token included in the request is expired", as SQS and IAM answer it) and
     * S3 (400, "The provided token has expired.", S3's error code list), {@code ExpiredTokenException} (403) from JSON
     * services, {@code RequestExpired} from EC2. https://repost.aws/knowledge-center/security-token-expired
     */
    default AwsException expiredToken() {
        String message = "The security token included in the request is expired";
        var descriptor = descriptor();
        return switch (descriptor.protocol()) {
            case EC2_QUERY -> new AwsException("RequestExpired", "Request has expired.", 400);
            case QUERY -> new AwsException("ExpiredToken", message, 403);
            case REST_XML -> new AwsException("ExpiredToken", "The provided token has expired.", 400);
            case REST_JSON -> new AwsException("ExpiredTokenException", message, 403);
            case AWS_JSON_1_0, AWS_JSON_1_1, RPC_V2_CBOR -> descriptor.queryCompatible()
                    ? new AwsException("ExpiredToken", message, 403).withJsonType("ExpiredTokenException")
                    : new AwsException("ExpiredTokenException", message, 403);
        };
    }

    /** Forget all state (every account and region). */
    default void reset() {
    }

    @Override
    default void close() {
    }
}

package io.selfheal.emulator.protocol;

/** The wire protocols of the services we serve, as named in the AWS service models. */
public enum Protocol {
    /** {@code X-Amz-Target}, {@code application/x-amz-json-1.0} (e.g. CloudWatch's JSON mode, DynamoDB). */
    AWS_JSON_1_0,
    /** {@code X-Amz-Target}, {@code application/x-amz-json-1.1} (EventBridge, CloudWatch Logs). */
    AWS_JSON_1_1,
    /** {@code Action=…} form, XML answers with {@code <member>} lists (STS, CloudWatch, SNS). */
    QUERY,
    /** {@code Action=…} form, XML answers with {@code <item>} lists and lower-camel names (EC2). */
    EC2_QUERY,
    /** Resource paths and JSON bodies (Lambda). */
    REST_JSON,
    /**
     * Smithy RPC v2 CBOR: {@code POST /service/<Service>/operation/<Op>}, {@code smithy-protocol: rpc-v2-cbor},
     * {@code application/cbor} bodies (CloudWatch's third protocol).
     */
    RPC_V2_CBOR,
    /**
     * REST-XML as S3 speaks it: the bucket in the host or the first path segment, the operation chosen by method, key
     * and sub-resource ({@code ?tagging}), XML bodies, errors as {@code <Error><Code/><Message/>…</Error>}.
     */
    REST_XML
}

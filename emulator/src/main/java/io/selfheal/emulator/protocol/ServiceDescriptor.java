package io.selfheal.emulator.protocol;

/**
 * How the front door recognises a service and speaks to it.
 *
 * @param signingName  the SigV4 service name in the credential scope ({@code events}, {@code monitoring} …)
 * @param protocol     the protocol its clients speak
 * @param targetPrefix for AWS JSON: the {@code X-Amz-Target} prefix before the dot ({@code AWSEvents}); else null
 * @param xmlNamespace for query protocols: the response namespace; else null
 * @param queryCompatible for AWS JSON: the service also speaks query and its JSON errors carry the query code in
 *                        {@code x-amzn-query-error} (the model's {@code awsQueryCompatible} trait, e.g. SQS)
 * @param serviceShapeId for RPC v2 CBOR: the service's absolute Smithy shape ID
 *                       ({@code com.amazonaws.cloudwatch#GraniteServiceVersion20100801}); its name is the request
 *                       path's service segment, its namespace qualifies error {@code __type}s; else null
 */
public record ServiceDescriptor(String signingName, Protocol protocol, String targetPrefix, String xmlNamespace,
                                boolean queryCompatible, String serviceShapeId) {

    public ServiceDescriptor(String signingName, Protocol protocol, String targetPrefix, String xmlNamespace,
                             boolean queryCompatible) {
        this(signingName, protocol, targetPrefix, xmlNamespace, queryCompatible, null);
    }

    public static ServiceDescriptor json11(String signingName, String targetPrefix) {
        return new ServiceDescriptor(signingName, Protocol.AWS_JSON_1_1, targetPrefix, null, false);
    }

    public static ServiceDescriptor json10(String signingName, String targetPrefix) {
        return new ServiceDescriptor(signingName, Protocol.AWS_JSON_1_0, targetPrefix, null, false);
    }

    /** AWS JSON 1.0 for a service whose model has {@code awsQueryCompatible} (SQS, CloudWatch). */
    public static ServiceDescriptor json10QueryCompatible(String signingName, String targetPrefix) {
        return new ServiceDescriptor(signingName, Protocol.AWS_JSON_1_0, targetPrefix, null, true);
    }

    public static ServiceDescriptor query(String signingName, String xmlNamespace) {
        return new ServiceDescriptor(signingName, Protocol.QUERY, null, xmlNamespace, false);
    }

    public static ServiceDescriptor ec2(String xmlNamespace) {
        return new ServiceDescriptor("ec2", Protocol.EC2_QUERY, null, xmlNamespace, false);
    }

    public static ServiceDescriptor restJson(String signingName) {
        return new ServiceDescriptor(signingName, Protocol.REST_JSON, null, null, false);
    }

    /** REST-XML (S3): operations are found by the service's own {@code RequestRouter}. */
    public static ServiceDescriptor restXml(String signingName) {
        return new ServiceDescriptor(signingName, Protocol.REST_XML, null, null, false);
    }

    /**
     * Smithy RPC v2 CBOR for the service with this absolute shape ID; {@code queryCompatible} as for AWS JSON (the
     * model's {@code awsQueryCompatible} trait adds {@code x-amzn-query-error} to errors).
     */
    public static ServiceDescriptor rpcV2Cbor(String signingName, String serviceShapeId, boolean queryCompatible) {
        return new ServiceDescriptor(signingName, Protocol.RPC_V2_CBOR, null, null, queryCompatible, serviceShapeId);
    }

    /** For RPC v2 CBOR: the shape name clients put in the path ({@code GraniteServiceVersion20100801}). */
    public String serviceName() {
        return serviceShapeId == null ? null : serviceShapeId.substring(serviceShapeId.indexOf('#') + 1);
    }
}

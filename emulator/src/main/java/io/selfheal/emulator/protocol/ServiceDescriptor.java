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
 */
public record ServiceDescriptor(String signingName, Protocol protocol, String targetPrefix, String xmlNamespace,
                                boolean queryCompatible) {

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
}

package io.selfheal.emulator.protocol;

/**
 * How the front door recognises a service and speaks to it.
 *
 * @param signingName  the SigV4 service name in the credential scope ({@code events}, {@code monitoring} …)
 * @param protocol     the protocol its clients speak
 * @param targetPrefix for AWS JSON: the {@code X-Amz-Target} prefix before the dot ({@code AWSEvents}); else null
 * @param xmlNamespace for query protocols: the response namespace; else null
 */
public record ServiceDescriptor(String signingName, Protocol protocol, String targetPrefix, String xmlNamespace) {

    public static ServiceDescriptor json11(String signingName, String targetPrefix) {
        return new ServiceDescriptor(signingName, Protocol.AWS_JSON_1_1, targetPrefix, null);
    }

    public static ServiceDescriptor json10(String signingName, String targetPrefix) {
        return new ServiceDescriptor(signingName, Protocol.AWS_JSON_1_0, targetPrefix, null);
    }

    public static ServiceDescriptor query(String signingName, String xmlNamespace) {
        return new ServiceDescriptor(signingName, Protocol.QUERY, null, xmlNamespace);
    }

    public static ServiceDescriptor ec2(String xmlNamespace) {
        return new ServiceDescriptor("ec2", Protocol.EC2_QUERY, null, xmlNamespace);
    }

    public static ServiceDescriptor restJson(String signingName) {
        return new ServiceDescriptor(signingName, Protocol.REST_JSON, null, null);
    }
}

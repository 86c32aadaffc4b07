package io.selfheal.emulator.core;

/**
 * An error AWS would answer with: its code (e.g. {@code ResourceNotFoundException}), message and HTTP status.
 * Each wire protocol renders it in its own error shape; services throw it and never anything else on bad input.
 */
public class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;
    private final boolean senderFault;
    private final String jsonType;
    /** Further elements of the error document (S3's {@code Resource}, {@code BucketName}, {@code Key}). */
    private final java.util.Map<String, String> details;

    public AwsException(String code, String message, int status) {
        this(code, message, status, status < 500);
    }

    public AwsException(String code, String message, int status, boolean senderFault) {
        this(code, message, status, senderFault, null);
    }

    private AwsException(String code, String message, int status, boolean senderFault, String jsonType) {
        this(code, message, status, senderFault, jsonType, java.util.Map.of());
    }

    private AwsException(String code, String message, int status, boolean senderFault, String jsonType,
                         java.util.Map<String, String> details) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
        this.jsonType = jsonType;
        this.details = details;
    }

    /** The same error with one more element in its error document, for protocols whose errors carry more (S3). */
    public AwsException withDetail(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(details);
        more.put(name, value);
        return new AwsException(code, getMessage(), status, senderFault, jsonType,
                java.util.Collections.unmodifiableMap(more));
    }

    /** Elements added with {@link #withDetail}, in order; protocols that have no place for them ignore them. */
    public java.util.Map<String, String> details() {
        return details;
    }

    /**
     * For services that speak AWS JSON in query-compatible mode (SQS): the error's JSON shape name
     * ({@code QueueDoesNotExist}) that selects the SDK's exception class, while {@link #code()} stays the query code
     * ({@code AWS.SimpleQueueService.NonExistentQueue}) that both protocols report.
     */
    public AwsException withJsonType(String type) {
        return new AwsException(code, getMessage(), status, senderFault, type, details);
    }

    /** The JSON shape name of the error: {@link #withJsonType} or else the code. */
    public String jsonType() {
        return jsonType != null ? jsonType : code;
    }

    public static AwsException badRequest(String code, String message) {
        return new AwsException(code, message, 400);
    }

    public static AwsException notFound(String code, String message) {
        return new AwsException(code, message, 404);
    }

    public static AwsException conflict(String code, String message) {
        return new AwsException(code, message, 409);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** Query protocols say {@code Sender} or {@code Receiver}; REST-JSON says {@code User} or {@code Service}. */
    public boolean senderFault() {
        return senderFault;
    }
}

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
    private final java.util.Map<String, String> fields;

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
                         java.util.Map<String, String> fields) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
        this.jsonType = jsonType;
        this.fields = fields;
    }

    /**
     * A member the error shape has beyond its message, e.g. Lambda's {@code TooManyRequestsException}
     * {@code Reason} or S3's {@code BucketName}: JSON protocols write it into the error body next to {@code message},
     * S3's REST-XML as an element of {@code <Error>}; protocols that have no place for it ignore it.
     */
    public AwsException withField(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(fields);
        more.put(name, value);
        return new AwsException(code, getMessage(), status, senderFault, jsonType,
                java.util.Collections.unmodifiableMap(more));
    }

    /** The error shape's further members ({@link #withField}); empty for most errors. */
    public java.util.Map<String, String> fields() {
        return fields;
    }

    /**
     * For services that speak AWS JSON in query-compatible mode (SQS): the error's JSON shape name
     * ({@code QueueDoesNotExist}) that selects the SDK's exception class, while {@link #code()} stays the query code
     * ({@code AWS.SimpleQueueService.NonExistentQueue}) that both protocols report.
     */
    public AwsException withJsonType(String type) {
        return new AwsException(code, getMessage(), status, senderFault, type, fields);
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

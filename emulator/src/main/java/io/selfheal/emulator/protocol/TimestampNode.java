package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A timestamp in a response tree, for services that answer both query and AWS JSON (CloudWatch, SQS): the two
 * protocols type timestamps differently, and an operation builds one tree for both. As JSON it is what AWS JSON
 * carries, epoch seconds with milliseconds as a fraction ({@code 1700000000.123}); {@link XmlWriter} writes it as the
 * ISO-8601 text query responses carry ({@code 2023-11-14T22:13:20.123Z}).
 */
public final class TimestampNode extends DecimalNode {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Instant instant;

    private TimestampNode(Instant instant) {
        super(epochSeconds(instant));
        this.instant = instant;
    }

    /** The node for {@code instant}, kept to the millisecond as AWS timestamps are. */
    public static TimestampNode of(Instant instant) {
        return new TimestampNode(Instant.ofEpochMilli(instant.toEpochMilli()));
    }

    public Instant instant() {
        return instant;
    }

    /** The query protocol's form. */
    public String iso() {
        return ISO.format(instant);
    }

    /** Whole seconds print without a fraction; otherwise three decimals, never an exponent. */
    private static BigDecimal epochSeconds(Instant instant) {
        long millis = instant.toEpochMilli();
        return millis % 1000 == 0 ? BigDecimal.valueOf(millis / 1000) : BigDecimal.valueOf(millis, 3);
    }
}

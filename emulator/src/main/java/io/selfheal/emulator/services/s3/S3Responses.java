package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.http.HttpResponse;
import io.selfheal.emulator.protocol.XmlWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** S3's answers: XML documents in its namespace, empty answers, and its two date formats. */
final class S3Responses {
    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private S3Responses() {
    }

    /** A document whose root element has S3's namespace; the caller writes its children and closes it. */
    static XmlWriter document(String root) {
        return new XmlWriter("member").open(root, NAMESPACE);
    }

    static HttpResponse xml(XmlWriter finished) {
        return HttpResponse.of(200, "application/xml", finished.toString());
    }

    static HttpResponse empty(int status) {
        return HttpResponse.empty(status);
    }

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** ISO-8601 with milliseconds, as in list results ({@code 2009-10-12T17:50:30.000Z}). */
    static String iso(Instant t) {
        return ISO_MILLIS.format(t);
    }

    /** RFC 1123, as in {@code Last-Modified} headers. */
    static String httpDate(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }
}

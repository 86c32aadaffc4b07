package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.http.HttpResponse;
import io.selfheal.emulator.protocol.XmlWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Tag sets of objects (at most 10) and buckets (at most 50): keys of 1–128 and values of up to 256 characters, no key
 * twice, none beginning with {@code aws:} (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html).
 */
final class Tags {
    static final int OBJECT_LIMIT = 10;
    static final int BUCKET_LIMIT = 50;

    private Tags() {
    }

    /** {@code <Tagging><TagSet><Tag><Key/><Value/></Tag>…</TagSet></Tagging>}. */
    static Map<String, String> parse(byte[] body, int limit) {
        XmlBody xml = XmlBody.parse(body, "Tagging");
        Map<String, String> tags = new LinkedHashMap<>();
        for (Element set : XmlBody.children(xml.root(), "TagSet")) {
            for (Element tag : XmlBody.children(set, "Tag")) {
                String key = XmlBody.text(tag, "Key");
                String value = XmlBody.text(tag, "Value");
                if (key == null || value == null) {
                    throw S3Errors.malformedXml();
                }
                if (tags.putIfAbsent(key, value) != null) {
                    throw invalidTag("Cannot provide multiple Tags with the same key");
                }
            }
        }
        validate(tags, limit);
        return tags;
    }

    static void validate(Map<String, String> tags, int limit) {
        if (tags.size() > limit) {
            throw limit == OBJECT_LIMIT ? invalidTag("Object tags cannot be greater than 10")
                    : invalidTag("Bucket tag count cannot be greater than 50");
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (t.getKey().isEmpty() || t.getKey().length() > 128) {
                throw invalidTag("The TagKey you have provided is invalid");
            }
            if (t.getValue().length() > 256) {
                throw invalidTag("The TagValue you have provided is invalid");
            }
            if (t.getKey().startsWith("aws:")) {
                throw invalidTag("Your TagKey cannot be prefixed with aws:");
            }
        }
    }

    private static AwsException invalidTag(String message) {
        return AwsException.badRequest("InvalidTag", message);
    }

    static HttpResponse document(Map<String, String> tags) {
        XmlWriter xml = S3Responses.document("Tagging").open("TagSet");
        tags.forEach((k, v) -> xml.open("Tag").text("Key", k).text("Value", v).close("Tag"));
        return S3Responses.xml(xml.close("TagSet").close("Tagging"));
    }
}

package io.selfheal.emulator.services.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import io.selfheal.emulator.protocol.XmlWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.w3c.dom.Element;

/**
 * CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload and ListParts, as the AWS CLI's
 * {@code s3 cp} uses them above 8 MB (https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html):
 * parts 1–10,000, each but the last at least 5 MiB, completed in ascending order with their ETags; the object's ETag
 * is the MD5 of the parts' MD5s, a dash and the number of parts.
 */
final class MultipartOperations {
    private static final long MIN_PART = 5L * 1024 * 1024;
    private static final int MAX_PART_NUMBER = 10_000;

    private final Buckets buckets;
    private final ObjectFiles files;
    private final io.selfheal.emulator.core.Ids ids;

    MultipartOperations(Buckets buckets, ObjectFiles files, io.selfheal.emulator.core.Ids ids) {
        this.buckets = buckets;
        this.files = files;
        this.ids = ids;
    }

    HttpResponse createMultipartUpload(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        String key = input.path("key").asText();
        String uploadId = ids.hex("mpu", 48);
        bucket.uploads().put(uploadId, new MultipartUpload(uploadId, key, ctx.receivedAt(),
                ObjectHeaders.contentType(request), ObjectHeaders.metadata(request), ObjectHeaders.tagging(request),
                new ConcurrentSkipListMap<>()));
        XmlWriter xml = S3Responses.document("InitiateMultipartUploadResult")
                .text("Bucket", bucket.name()).text("Key", key).text("UploadId", uploadId);
        return S3Responses.xml(xml.close("InitiateMultipartUploadResult"));
    }

    HttpResponse uploadPart(RequestContext ctx, HttpRequest request, ObjectNode input) {
        MultipartUpload upload = upload(ctx, input);
        int number = partNumber(input.path("partNumber").asText(""));
        ObjectUpload.Received received = ObjectUpload.receive(request, files);
        MultipartUpload.Part previous = upload.parts().put(number,
                new MultipartUpload.Part(number, received, ctx.receivedAt()));
        if (previous != null) {
            ObjectFiles.delete(previous.received().file());
        }
        HttpResponse response = S3Responses.empty(200).withHeader("ETag", received.etag());
        return received.checksum() == null ? response
                : response.withHeader(received.checksum().headerName(), received.checksum().base64());
    }

    HttpResponse completeMultipartUpload(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        MultipartUpload upload = upload(ctx, input);
        List<MultipartUpload.Part> chosen = chosenParts(request.body(), upload);
        MessageDigest md5s = ObjectUpload.md5();
        Path file = files.newFile();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (MultipartUpload.Part part : chosen) {
                Files.copy(part.received().file(), out);
                md5s.update(HexFormat.of().parseHex(part.received().md5Hex()));
                size += part.received().size();
            }
        } catch (IOException e) {
            ObjectFiles.delete(file);
            throw new UncheckedIOException("cannot assemble a multipart object", e);
        }
        String etag = "\"" + HexFormat.of().formatHex(md5s.digest()) + "-" + chosen.size() + "\"";
        if (bucket.uploads().remove(upload.uploadId()) == null) {
            ObjectFiles.delete(file);
            throw noSuchUpload(upload.uploadId());
        }
        ObjectOperations.replace(bucket, new StoredObject(upload.key(), size, etag, ctx.receivedAt(),
                upload.contentType(), upload.metadata(), null, upload.tags(), file));
        upload.parts().values().forEach(p -> ObjectFiles.delete(p.received().file()));
        XmlWriter xml = S3Responses.document("CompleteMultipartUploadResult")
                .text("Location", ctx.endpoint() + "/" + bucket.name() + "/" + upload.key())
                .text("Bucket", bucket.name()).text("Key", upload.key()).text("ETag", etag);
        return S3Responses.xml(xml.close("CompleteMultipartUploadResult"));
    }

    /** The parts the request lists, in ascending order, each uploaded with that ETag, all but the last ≥ 5 MiB. */
    private static List<MultipartUpload.Part> chosenParts(byte[] body, MultipartUpload upload) {
        XmlBody xml = XmlBody.parse(body, "CompleteMultipartUpload");
        List<Element> listed = XmlBody.children(xml.root(), "Part");
        if (listed.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        List<MultipartUpload.Part> chosen = new ArrayList<>();
        int previous = 0;
        for (Element p : listed) {
            int number = partNumber(String.valueOf(XmlBody.text(p, "PartNumber")).trim());
            if (number <= previous) {
                throw AwsException.badRequest("InvalidPartOrder", "The list of parts was not in ascending order. "
                        + "Parts must be ordered by part number.");
            }
            previous = number;
            MultipartUpload.Part part = upload.parts().get(number);
            String etag = XmlBody.text(p, "ETag");
            if (part == null || etag == null || !unquoted(etag).equals(part.received().md5Hex())) {
                throw AwsException.badRequest("InvalidPart", "One or more of the specified parts could not be found. "
                        + "The part may not have been uploaded, or the specified entity tag may not match the part's "
                        + "entity tag.");
            }
            chosen.add(part);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).received().size() < MIN_PART) {
                throw AwsException.badRequest("EntityTooSmall",
                        "Your proposed upload is smaller than the minimum allowed object size.");
            }
        }
        return chosen;
    }

    HttpResponse abortMultipartUpload(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        MultipartUpload upload = bucket.uploads().remove(input.path("uploadId").asText(""));
        if (upload == null) {
            throw noSuchUpload(input.path("uploadId").asText(""));
        }
        upload.parts().values().forEach(p -> ObjectFiles.delete(p.received().file()));
        return S3Responses.empty(204);
    }

    HttpResponse listParts(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        MultipartUpload upload = upload(ctx, input);
        XmlWriter xml = S3Responses.document("ListPartsResult").text("Bucket", bucket.name())
                .text("Key", upload.key()).text("UploadId", upload.uploadId())
                .text("MaxParts", "1000").text("IsTruncated", "false");
        for (MultipartUpload.Part p : upload.parts().values()) {
            xml.open("Part").text("PartNumber", Integer.toString(p.number()))
                    .text("LastModified", S3Responses.iso(p.lastModified())).text("ETag", p.received().etag())
                    .text("Size", Long.toString(p.received().size())).close("Part");
        }
        xml.text("StorageClass", "STANDARD");
        return S3Responses.xml(xml.close("ListPartsResult"));
    }

    private MultipartUpload upload(RequestContext ctx, ObjectNode input) {
        Bucket bucket = buckets.owned(ctx, input.path("bucketName").asText(null));
        String uploadId = input.path("uploadId").asText("");
        MultipartUpload upload = bucket.uploads().get(uploadId);
        if (upload == null || !upload.key().equals(input.path("key").asText())) {
            throw noSuchUpload(uploadId);
        }
        return upload;
    }

    private static int partNumber(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_PART_NUMBER) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber",
                text);
    }

    private static String unquoted(String etag) {
        String t = etag.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static AwsException noSuchUpload(String uploadId) {
        return AwsException.notFound("NoSuchUpload", "The specified upload does not exist. The upload ID may be "
                + "invalid, or the upload may have been aborted or completed.").withField("UploadId", uploadId);
    }
}

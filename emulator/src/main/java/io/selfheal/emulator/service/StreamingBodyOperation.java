package io.selfheal.emulator.service;

/**
 * A raw operation that reads its request body as it arrives ({@link io.selfheal.emulator.http.HttpRequest#bodyStream()}),
 * never whole in memory: S3 PutObject and UploadPart, whose bodies reach gigabytes. The front door sends such
 * requests to it before their body is aggregated (see {@link io.selfheal.emulator.http.HttpHandler#streamsBody}).
 */
public interface StreamingBodyOperation extends RawOperation {
}

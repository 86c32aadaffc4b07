package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;

/**
 * Another service asks S3 about a bucket by name, as CloudTrail's CreateTrail and Config's PutDeliveryChannel do before
 * they accept it: whether it exists, who owns it, its region and its bucket policy. S3 answers
 * {@link Result#notFound()} for a name no account holds.
 *
 * @param bucket the bucket's name
 */
public record DescribeBucket(String bucket) implements BusRequest<DescribeBucket.Result> {

    /**
     * S3's answer.
     *
     * @param ownerAccount the owning account, null when the bucket does not exist
     * @param policy       the bucket policy as stored (JSON text), or null
     */
    public record Result(String ownerAccount, String region, String policy) {
        public static Result notFound() {
            return new Result(null, null, null);
        }

        public boolean found() {
            return ownerAccount != null;
        }
    }
}

package io.selfheal.emulator.services.s3;

import java.util.regex.Pattern;

/**
 * The rules for general purpose bucket names
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html): 3–63 characters of lower-case
 * letters, digits, dots and hyphens, beginning and ending with a letter or digit; no two adjacent dots; not an IP
 * address; not beginning with {@code xn--}, {@code sthree-}, {@code amzn-s3-demo-}; not ending with {@code -s3alias},
 * {@code --ol-s3}, {@code .mrap}, {@code --x-s3}, {@code --table-s3}.
 */
final class BucketNames {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private BucketNames() {
    }

    static boolean valid(String name) {
        return name != null && SHAPE.matcher(name).matches() && !name.contains("..") && !IP.matcher(name).matches()
                && !name.startsWith("xn--") && !name.startsWith("sthree-") && !name.startsWith("amzn-s3-demo-")
                && !name.endsWith("-s3alias") && !name.endsWith("--ol-s3") && !name.endsWith(".mrap")
                && !name.endsWith("--x-s3") && !name.endsWith("--table-s3");
    }
}

package io.selfheal.emulator.services.ec2;

import java.util.Map;

/** An EC2 resource that CreateTags, DeleteTags and DescribeTags reach through its id. */
interface Tagged {
    String resourceId();

    /** DescribeTags' {@code resourceType}, e.g. {@code security-group}. */
    String resourceType();

    /** Live, mutable tags; callers hold the region's monitor. */
    Map<String, String> tags();
}

package io.selfheal.emulator.services.config;

import java.util.List;

/** The resource types the emulator records configuration items of: what a rule with no type in scope looks at. */
final class RecordedTypes {
    static final List<String> ALL = List.of("AWS::EC2::SecurityGroup", "AWS::EC2::Instance", "AWS::EC2::Volume",
            "AWS::EC2::NetworkInterface", "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::S3::Bucket", "AWS::IAM::Role",
            "AWS::Lambda::Function");

    private RecordedTypes() {
    }
}

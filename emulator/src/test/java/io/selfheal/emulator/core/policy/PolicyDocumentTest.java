package io.selfheal.emulator.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MalformedPolicyDocument messages as IAM returns them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html).
 */
class PolicyDocumentTest {

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "IDENTITY|not json|Syntax errors in policy.",
        "IDENTITY|{}|Syntax errors in policy.",
        "IDENTITY|{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Permit\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}|Syntax errors in policy.",
        "IDENTITY|{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Foo\":1}}|Syntax errors in policy.",
        "IDENTITY|{\"Version\":\"2011-01-01\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}|Policy document must be version 2012-10-17 or greater.",
        "IDENTITY|{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}|Policy document should not specify a principal.",
        "IDENTITY|{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}}|Policy statement must contain resources.",
        "IDENTITY|{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Resource\":\"*\"}}|Policy statement must contain actions.",
        "IDENTITY|{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"GetObject\",\"Resource\":\"*\"}}|Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
        "IDENTITY|{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"a\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},{\"Sid\":\"a\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}|Statement IDs (SID) in a single policy must be unique.",
        "TRUST|{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}|Has prohibited field Resource.",
        "TRUST|{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}}|Missing required field Principal.",
        "RESOURCE|{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Robot\":\"x\"},\"Action\":\"sqs:*\",\"Resource\":\"*\"}}|Syntax errors in policy.",
    })
    void refusesWithAwsMessage(PolicyKind kind, String json, String message) {
        assertThatThrownBy(() -> PolicyDocument.parse(json, kind))
                .isInstanceOf(MalformedPolicyDocumentException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "IDENTITY|{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"*\"}]}",
        "TRUST|{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
        "RESOURCE|{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"111111111111\"]},\"Action\":\"sqs:*\",\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":10},\"Bool\":{\"aws:SecureTransport\":true}}}]}",
    })
    void acceptsValidDocuments(PolicyKind kind, String json) {
        PolicyDocument doc = PolicyDocument.parse(json, kind);
        assertThat(doc.statements()).isNotEmpty();
        assertThat(doc.text()).isEqualTo(json);
    }
}

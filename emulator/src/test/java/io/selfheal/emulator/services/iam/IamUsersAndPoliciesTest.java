package io.selfheal.emulator.services.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Users, access keys that sign as the user, user policies and managed policies with versions, through the SDK v2
 * (IAM API Reference: CreateUser, CreateAccessKey, CreatePolicy, CreatePolicyVersion, SetDefaultPolicyVersion,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html).
 */
class IamUsersAndPoliciesTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static final String READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}]}";

    @Test
    void anAccessKeySignsRequestsAsItsUser(IamClient iam) {
        var user = iam.createUser(b -> b.userName("alice").tags(t -> t.key("team").value("ops"))).user();
        assertThat(user.userId()).startsWith("AIDA");
        assertThat(iam.getUser(b -> b.userName("alice")).user().arn()).isEqualTo(user.arn());
        assertThat(iam.listUsers().users()).extracting(u -> u.userName()).contains("alice");
        assertThatThrownBy(() -> iam.createUser(b -> b.userName("ALICE")))
                .isInstanceOf(EntityAlreadyExistsException.class);

        AccessKey key = iam.createAccessKey(b -> b.userName("alice")).accessKey();
        assertThat(key.accessKeyId()).startsWith("AKIA");
        assertThat(key.secretAccessKey()).hasSize(40);
        try (StsClient asAlice = StsClient.builder().endpointOverride(AWS.emulator().endpoint())
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build();
             IamClient iamAsAlice = IamClient.builder().endpointOverride(AWS.emulator().endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build()) {
            var me = asAlice.getCallerIdentity();
            assertThat(me.arn()).isEqualTo(user.arn());
            assertThat(me.userId()).isEqualTo(user.userId());
            // Without a UserName, GetUser and ListAccessKeys answer for the calling user.
            assertThat(iamAsAlice.getUser().user().userName()).isEqualTo("alice");
            assertThat(iamAsAlice.listAccessKeys().accessKeyMetadata()).extracting(k -> k.accessKeyId())
                    .containsExactly(key.accessKeyId());
        }
        iam.createAccessKey(b -> b.userName("alice"));
        assertThatThrownBy(() -> iam.createAccessKey(b -> b.userName("alice")))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("Cannot exceed quota for AccessKeysPerUser: 2");
        assertThatThrownBy(() -> iam.deleteUser(b -> b.userName("alice")))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("must delete access keys first");
        for (var k : iam.listAccessKeys(b -> b.userName("alice")).accessKeyMetadata()) {
            iam.deleteAccessKey(b -> b.userName("alice").accessKeyId(k.accessKeyId()));
        }
        assertThatThrownBy(() -> iam.deleteAccessKey(b -> b.userName("alice").accessKeyId(key.accessKeyId())))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The Access Key with id " + key.accessKeyId() + " cannot be found.");
        // A deleted key is nobody's: it falls back to the default account's root, as any unknown key does.
        try (StsClient withDeletedKey = StsClient.builder().endpointOverride(AWS.emulator().endpoint())
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build()) {
            assertThat(withDeletedKey.getCallerIdentity().arn()).endsWith(":root");
        }
        iam.deleteUser(b -> b.userName("alice"));
        assertThatThrownBy(() -> iam.getUser(b -> b.userName("alice"))).isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The user with name alice cannot be found.");
    }

    @Test
    void userPoliciesInlineAndAttached(IamClient iam) {
        iam.createUser(b -> b.userName("bob"));
        iam.putUserPolicy(b -> b.userName("bob").policyName("read").policyDocument(READ));
        assertThat(iam.listUserPolicies(b -> b.userName("bob")).policyNames()).containsExactly("read");
        assertThat(URLDecoder.decode(iam.getUserPolicy(b -> b.userName("bob").policyName("read")).policyDocument(),
                StandardCharsets.UTF_8)).isEqualTo(READ);
        iam.attachUserPolicy(b -> b.userName("bob").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        assertThat(iam.listAttachedUserPolicies(b -> b.userName("bob")).attachedPolicies())
                .extracting(a -> a.policyArn()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        iam.tagUser(b -> b.userName("bob").tags(t -> t.key("k").value("v")));
        assertThat(iam.listUserTags(b -> b.userName("bob")).tags()).extracting(t -> t.key()).containsExactly("k");
        iam.untagUser(b -> b.userName("bob").tagKeys("k"));
        assertThat(iam.listUserTags(b -> b.userName("bob")).tags()).isEmpty();
        assertThatThrownBy(() -> iam.deleteUser(b -> b.userName("bob"))).isInstanceOf(DeleteConflictException.class);
        iam.deleteUserPolicy(b -> b.userName("bob").policyName("read"));
        iam.detachUserPolicy(b -> b.userName("bob").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        iam.deleteUser(b -> b.userName("bob"));
    }

    @Test
    void managedPoliciesKeepUpToFiveVersions(IamClient iam) {
        Policy policy = iam.createPolicy(b -> b.policyName("reader").path("/team/").policyDocument(READ)
                .description("read EC2")).policy();
        String account = AWS.emulator().accountId();
        assertThat(policy.arn()).isEqualTo("arn:aws:iam::" + account + ":policy/team/reader");
        assertThat(policy.defaultVersionId()).isEqualTo("v1");
        assertThat(policy.policyId()).startsWith("ANPA");
        assertThatThrownBy(() -> iam.createPolicy(b -> b.policyName("reader").policyDocument(READ)))
                .isInstanceOf(EntityAlreadyExistsException.class)
                .hasMessageContaining("A policy called reader already exists. Duplicate names are not allowed.");
        assertThatThrownBy(() -> iam.createPolicy(b -> b.policyName("bad").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:*\"}}")))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("Policy statement must contain resources.");

        String v2doc = READ.replace("ec2:Describe*", "ec2:RebootInstances");
        PolicyVersion v2 = iam.createPolicyVersion(b -> b.policyArn(policy.arn()).policyDocument(v2doc)
                .setAsDefault(true)).policyVersion();
        assertThat(v2.versionId()).isEqualTo("v2");
        assertThat(v2.isDefaultVersion()).isTrue();
        assertThat(iam.getPolicy(b -> b.policyArn(policy.arn())).policy().defaultVersionId()).isEqualTo("v2");
        assertThat(URLDecoder.decode(iam.getPolicyVersion(b -> b.policyArn(policy.arn()).versionId("v1"))
                .policyVersion().document(), StandardCharsets.UTF_8)).isEqualTo(READ);
        iam.setDefaultPolicyVersion(b -> b.policyArn(policy.arn()).versionId("v1"));
        assertThat(iam.listPolicyVersions(b -> b.policyArn(policy.arn())).versions())
                .extracting(v -> v.versionId() + ":" + v.isDefaultVersion()).containsExactly("v1:true", "v2:false");
        for (int i = 0; i < 3; i++) {
            iam.createPolicyVersion(b -> b.policyArn(policy.arn()).policyDocument(v2doc));
        }
        assertThatThrownBy(() -> iam.createPolicyVersion(b -> b.policyArn(policy.arn()).policyDocument(v2doc)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("up to 5 versions");
        assertThatThrownBy(() -> iam.deletePolicyVersion(b -> b.policyArn(policy.arn()).versionId("v1")))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("Cannot delete the default version of a policy.");
        assertThatThrownBy(() -> iam.deletePolicy(b -> b.policyArn(policy.arn())))
                .isInstanceOf(DeleteConflictException.class).hasMessageContaining("more than one version");
        for (String v : new String[] {"v2", "v3", "v4", "v5"}) {
            iam.deletePolicyVersion(b -> b.policyArn(policy.arn()).versionId(v));
        }
        iam.createRole(b -> b.roleName("uses-reader").assumeRolePolicyDocument(IamRolesTest.LAMBDA_TRUST));
        iam.attachRolePolicy(b -> b.roleName("uses-reader").policyArn(policy.arn()));
        assertThat(iam.getPolicy(b -> b.policyArn(policy.arn())).policy().attachmentCount()).isEqualTo(1);
        assertThat(iam.listPolicies(b -> b.scope(PolicyScopeType.LOCAL).onlyAttached(true)).policies())
                .extracting(Policy::policyName).containsExactly("reader");
        assertThatThrownBy(() -> iam.deletePolicy(b -> b.policyArn(policy.arn())))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("Cannot delete a policy attached to entities.");
        iam.detachRolePolicy(b -> b.roleName("uses-reader").policyArn(policy.arn()));
        iam.deletePolicy(b -> b.policyArn(policy.arn()));
        assertThatThrownBy(() -> iam.getPolicy(b -> b.policyArn(policy.arn())))
                .isInstanceOf(NoSuchEntityException.class).hasMessageContaining("was not found.");
    }

    @Test
    void awsManagedPoliciesCarryAwsDocuments(IamClient iam) {
        String arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole";
        Policy policy = iam.getPolicy(b -> b.policyArn(arn)).policy();
        assertThat(policy.path()).isEqualTo("/service-role/");
        String doc = URLDecoder.decode(iam.getPolicyVersion(b -> b.policyArn(arn)
                .versionId(policy.defaultVersionId())).policyVersion().document(), StandardCharsets.UTF_8);
        assertThat(doc).contains("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                "logs:PutLogEvents");
        assertThat(iam.listPolicies(b -> b.scope(PolicyScopeType.AWS)).policies()).extracting(Policy::policyName)
                .contains("AWSLambdaBasicExecutionRole", "AWSLambdaVPCAccessExecutionRole", "ReadOnlyAccess",
                        "AmazonEC2ReadOnlyAccess");
        // The account cannot change AWS's policies.
        assertThatThrownBy(() -> iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(READ)))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void listsPageWithMarkerAndMaxItems(IamClient iam) {
        for (int i = 0; i < 3; i++) {
            int n = i;
            iam.createRole(b -> b.roleName("paged-" + n).path("/paged/")
                    .assumeRolePolicyDocument(IamRolesTest.LAMBDA_TRUST));
        }
        var first = iam.listRoles(b -> b.pathPrefix("/paged/").maxItems(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.roles()).hasSize(2);
        var rest = iam.listRoles(b -> b.pathPrefix("/paged/").maxItems(2).marker(first.marker()));
        assertThat(rest.isTruncated()).isFalse();
        assertThat(rest.roles()).extracting(r -> r.roleName()).containsExactly("paged-2");
        assertThat(iam.listRolesPaginator(b -> b.pathPrefix("/paged/").maxItems(1)).roles()).hasSize(3);
        assertThatThrownBy(() -> iam.listRoles(b -> b.marker("-5")))
                .isInstanceOf(software.amazon.awssdk.services.iam.model.InvalidInputException.class);
    }

    @Test
    void iamIsGlobalWhateverRegionTheClientNames() {
        try (IamClient euIam = TestClients.of(IamClient.builder(), AWS.emulator(), Region.EU_WEST_1);
             IamClient usIam = TestClients.of(IamClient.builder(), AWS.emulator(), Region.US_EAST_1)) {
            euIam.createRole(b -> b.roleName("global").assumeRolePolicyDocument(IamRolesTest.LAMBDA_TRUST));
            assertThat(usIam.getRole(b -> b.roleName("global")).role().roleName()).isEqualTo("global");
        }
    }
}

package io.selfheal.emulator.services.iam;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.messages.InstanceProfileLookup;
import io.selfheal.emulator.messages.PrincipalPolicies;
import io.selfheal.emulator.messages.RoleLookup;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.ResourceArns;

/** AWS Identity and Access Management: global, one namespace per account whatever region a request names. */
public final class IamService extends AbstractAwsService {
    private static final ServiceDescriptor DESCRIPTOR =
            ServiceDescriptor.query("iam", "https://iam.amazonaws.com/doc/2010-05-08/");

    private static final ResourceArns ROLE = named("RoleName", "role/");
    private static final ResourceArns USER = named("UserName", "user/");
    private static final ResourceArns POLICY = ResourceArns.arnIn("PolicyArn");
    private static final ResourceArns NEW_POLICY = named("PolicyName", "policy/");
    private static final ResourceArns INSTANCE_PROFILE = named("InstanceProfileName", "instance-profile/");


    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new IamService(context);
        }
    }

    IamService(EmulatorContext context) {
        super("AWS Identity and Access Management", DESCRIPTOR, "iam");
        IamStore store = new IamStore();
        RoleOperations roles = new RoleOperations(store, context);
        UserOperations users = new UserOperations(store, context);
        HolderPolicyOperations rp = new HolderPolicyOperations(store, "RoleName", "role", IamAccount::role);
        HolderPolicyOperations up = new HolderPolicyOperations(store, "UserName", "user", IamAccount::user);
        ManagedPolicyOperations policies = new ManagedPolicyOperations(store, context);
        InstanceProfileOperations profiles = new InstanceProfileOperations(store, context);
        SimulateOperations simulate = new SimulateOperations(store, context.clock());
        AuthorizationDetailsOperation details = new AuthorizationDetailsOperation(store);

        operations.add(write("CreateRole", roles::create).resources(ROLE));
        operations.add(read("GetRole", roles::get).resources(ROLE));
        operations.add(read("ListRoles", roles::list).resources(ResourceArns.ANY));
        operations.add(write("DeleteRole", roles::delete).resources(ROLE));
        operations.add(write("UpdateAssumeRolePolicy", roles::updateAssumeRolePolicy).resources(ROLE));
        ServiceLinkedRoles linked = new ServiceLinkedRoles(store, context);
        operations.add(write("CreateServiceLinkedRole", linked::create).resources(ServiceLinkedRoles::arns));
        operations.add(write("TagRole", rp::tag).resources(ROLE));
        operations.add(write("UntagRole", rp::untag).resources(ROLE));
        operations.add(read("ListRoleTags", rp::listTags).resources(ROLE));
        operations.add(write("PutRolePolicy", rp::put).resources(ROLE));
        operations.add(read("GetRolePolicy", rp::get).resources(ROLE));
        operations.add(read("ListRolePolicies", rp::list).resources(ROLE));
        operations.add(write("DeleteRolePolicy", rp::delete).resources(ROLE));
        operations.add(write("AttachRolePolicy", rp::attach).resources(ROLE));
        operations.add(write("DetachRolePolicy", rp::detach).resources(ROLE));
        operations.add(read("ListAttachedRolePolicies", rp::listAttached).resources(ROLE));

        operations.add(write("CreateUser", users::create).resources(USER));
        operations.add(read("GetUser", users::get).resources(USER));
        operations.add(read("ListUsers", users::list).resources(ResourceArns.ANY));
        operations.add(write("DeleteUser", users::delete).resources(USER));
        operations.add(write("TagUser", up::tag).resources(USER));
        operations.add(write("UntagUser", up::untag).resources(USER));
        operations.add(read("ListUserTags", up::listTags).resources(USER));
        operations.add(write("CreateAccessKey", users::createAccessKey).resources(USER));
        operations.add(read("ListAccessKeys", users::listAccessKeys).resources(USER));
        operations.add(write("DeleteAccessKey", users::deleteAccessKey).resources(USER));
        operations.add(write("PutUserPolicy", up::put).resources(USER));
        operations.add(read("GetUserPolicy", up::get).resources(USER));
        operations.add(read("ListUserPolicies", up::list).resources(USER));
        operations.add(write("DeleteUserPolicy", up::delete).resources(USER));
        operations.add(write("AttachUserPolicy", up::attach).resources(USER));
        operations.add(write("DetachUserPolicy", up::detach).resources(USER));
        operations.add(read("ListAttachedUserPolicies", up::listAttached).resources(USER));

        operations.add(write("CreatePolicy", policies::create).resources(NEW_POLICY));
        operations.add(read("GetPolicy", policies::get).resources(POLICY));
        operations.add(read("ListPolicies", policies::list).resources(ResourceArns.ANY));
        operations.add(write("DeletePolicy", policies::delete).resources(POLICY));
        operations.add(write("CreatePolicyVersion", policies::createVersion).resources(POLICY));
        operations.add(read("GetPolicyVersion", policies::getVersion).resources(POLICY));
        operations.add(read("ListPolicyVersions", policies::listVersions).resources(POLICY));
        operations.add(write("SetDefaultPolicyVersion", policies::setDefaultVersion).resources(POLICY));
        operations.add(write("DeletePolicyVersion", policies::deleteVersion).resources(POLICY));

        operations.add(write("CreateInstanceProfile", profiles::create).resources(INSTANCE_PROFILE));
        operations.add(read("GetInstanceProfile", profiles::get).resources(INSTANCE_PROFILE));
        operations.add(read("ListInstanceProfiles", profiles::list).resources(ResourceArns.ANY));
        operations.add(read("ListInstanceProfilesForRole", profiles::listForRole).resources(ROLE));
        operations.add(write("DeleteInstanceProfile", profiles::delete).resources(INSTANCE_PROFILE));
        operations.add(write("AddRoleToInstanceProfile", profiles::addRole).resources(INSTANCE_PROFILE));
        operations.add(write("RemoveRoleFromInstanceProfile", profiles::removeRole).resources(INSTANCE_PROFILE));

        operations.add(read("SimulatePrincipalPolicy", simulate::simulatePrincipal)
                .resources(ResourceArns.arnIn("PolicySourceArn")));
        operations.add(read("SimulateCustomPolicy", simulate::simulateCustom).resources(ResourceArns.ANY));
        operations.add(read("GetAccountAuthorizationDetails", details::get).resources(ResourceArns.ANY));

        IamBusHandlers bus = new IamBusHandlers(store);
        context.bus().handle(PrincipalPolicies.class, bus::principalPolicies);
        context.bus().handle(RoleLookup.class, bus::roleLookup);
        context.bus().handle(InstanceProfileLookup.class, bus::instanceProfileLookup);
        RoleConfigurations.register(context, store);
    }

    /** IAM ARNs have no region: {@code arn:aws:iam::<account>:<type>/<name>} (the path, unknown here, omitted). */
    private static ResourceArns named(String member, String type) {
        return ResourceArns.each(member, (ctx, name) -> "arn:aws:iam::" + ctx.accountId() + ":" + type + name);
    }
}

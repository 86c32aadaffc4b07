#!/usr/bin/env bash
# AWS CLI v2 against `selfheal serve --virtual-clock`: EC2 public IPv4 addresses as AWS documents them
# (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html). A subnet's
# MapPublicIpOnLaunch, an instance's auto-assigned address (released at stop, a new one at start), the ip-address and
# association filters, and an Elastic IP allocated, associated (replacing the auto-assigned address), refused release
# while in use in a non-default VPC, disassociated and released; then an EBS volume created (unencrypted by default),
# attached, refused deletion while in use, force-detached and deleted
# (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AttachVolume.html). Prints one line per check and
# "N passed, N failed".
#
#   scripts/aws-cli-ec2-public-ips.sh http://127.0.0.1:4566
source "$(dirname "${BASH_SOURCE[0]}")/virtual-clock-checks.sh"

echo "== EC2 public addresses"
subnet=$(aws ec2 describe-subnets --filters Name=default-for-az,Values=true Name=availability-zone,Values=us-east-1a \
  --query 'Subnets[0].[SubnetId,MapPublicIpOnLaunch]')
check_contains "ec2 default subnet maps public addresses" "True" "$subnet"
subnet=${subnet%%$'\t'*}

vpc=$(aws ec2 create-vpc --cidr-block 10.8.0.0/16 --query Vpc.VpcId)
private=$(aws ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.8.1.0/24 --query Subnet.SubnetId)
check "ec2 a new subnet does not" "False" \
  "$(aws ec2 describe-subnets --subnet-ids "$private" --query 'Subnets[0].MapPublicIpOnLaunch')"
aws ec2 modify-subnet-attribute --subnet-id "$private" --map-public-ip-on-launch
check "ec2 modify-subnet-attribute --map-public-ip-on-launch" "True" \
  "$(aws ec2 describe-subnets --subnet-ids "$private" --query 'Subnets[0].MapPublicIpOnLaunch')"
aws ec2 modify-subnet-attribute --subnet-id "$private" --no-map-public-ip-on-launch

instance=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --count 1 --subnet-id "$subnet" \
  --query 'Instances[0].InstanceId')
advance 1
ip=$(aws ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].PublicIpAddress')
check_contains "ec2 run-instances in a default subnet gets a public address" "203.0.113." "$ip"
check "ec2 its public DNS name" "ec2-${ip//./-}.compute-1.amazonaws.com" \
  "$(aws ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].PublicDnsName')"
check "ec2 describe-instances --filters ip-address" "$instance" \
  "$(aws ec2 describe-instances --filters Name=ip-address,Values="$ip" --query 'Reservations[].Instances[].InstanceId')"
check "ec2 describe-network-interfaces --filters association.public-ip" "amazon" \
  "$(aws ec2 describe-network-interfaces --filters Name=association.public-ip,Values="$ip" \
    --query 'NetworkInterfaces[0].Association.IpOwnerId')"

expect_error "ec2 run-instances AssociatePublicIpAddress with two interfaces" "InvalidParameterCombination" \
  ec2 run-instances --image-id ami-0abcdef1234567890 --count 1 --network-interfaces \
  "DeviceIndex=0,SubnetId=$subnet,AssociatePublicIpAddress=true" "DeviceIndex=1,SubnetId=$subnet"
asked=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --count 1 --network-interfaces \
  "DeviceIndex=0,SubnetId=$private,AssociatePublicIpAddress=true" --query 'Instances[0].PublicIpAddress')
check_contains "ec2 run-instances AssociatePublicIpAddress=true in a private subnet" "203.0.113." "$asked"

aws ec2 stop-instances --instance-ids "$instance" > /dev/null
advance 1
check "ec2 a stopped instance has no public address" "None" \
  "$(aws ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].PublicIpAddress')"
aws ec2 start-instances --instance-ids "$instance" > /dev/null
advance 1
restarted=$(aws ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].PublicIpAddress')
if [[ -n "$restarted" && "$restarted" != "None" && "$restarted" != "$ip" ]]; then
  check "ec2 a started instance gets a new public address" "new" "new"
else
  check "ec2 a started instance gets a new public address" "an address other than $ip" "$restarted"
fi

echo "== Elastic IPs"
read -r alloc eip <<< "$(aws ec2 allocate-address --domain vpc --query '[AllocationId,PublicIp]')"
check_contains "ec2 allocate-address" "eipalloc-" "$alloc"
assoc=$(aws ec2 associate-address --allocation-id "$alloc" --instance-id "$instance" --query AssociationId)
check_contains "ec2 associate-address" "eipassoc-" "$assoc"
check "ec2 the Elastic IP replaces the instance's address" "$eip" \
  "$(aws ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].PublicIpAddress')"
check "ec2 describe-addresses --filters instance-id" "$alloc $assoc" \
  "$(aws ec2 describe-addresses --filters Name=instance-id,Values="$instance" \
    --query 'Addresses[0].[AllocationId,AssociationId]' | tr '\t' ' ')"
check "ec2 the interface's association is owned by the account" "$account" \
  "$(aws ec2 describe-network-interfaces --filters Name=association.allocation-id,Values="$alloc" \
    --query 'NetworkInterfaces[0].Association.IpOwnerId')"
other=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --count 1 --subnet-id "$subnet" \
  --query 'Instances[0].InstanceId')
expect_error "ec2 associate-address without --allow-reassociation" "Resource.AlreadyAssociated" \
  ec2 associate-address --allocation-id "$alloc" --instance-id "$other"

inside=$(aws ec2 run-instances --image-id ami-0abcdef1234567890 --count 1 --subnet-id "$private" \
  --query 'Instances[0].InstanceId')
moved=$(aws ec2 associate-address --allocation-id "$alloc" --instance-id "$inside" --allow-reassociation \
  --query AssociationId)
expect_error "ec2 release-address while associated in a non-default VPC" "InvalidIPAddress.InUse" \
  ec2 release-address --allocation-id "$alloc"
aws ec2 disassociate-address --association-id "$moved"
check "ec2 disassociate-address" "None" \
  "$(aws ec2 describe-addresses --allocation-ids "$alloc" --query 'Addresses[0].AssociationId')"
aws ec2 release-address --allocation-id "$alloc"
expect_error "ec2 release-address then describe" "InvalidAllocationID.NotFound" \
  ec2 describe-addresses --allocation-ids "$alloc"

echo "== EBS volumes (create-volume, attach-volume, detach-volume, delete-volume)"
zone=$(aws ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].Placement.AvailabilityZone')
read -r volume encrypted state <<< "$(aws ec2 create-volume --availability-zone "$zone" --size 8 \
  --tag-specifications 'ResourceType=volume,Tags=[{Key=team,Value=web}]' --query '[VolumeId,Encrypted,State]')"
check_contains "ec2 create-volume" "vol-" "$volume"
check "ec2 create-volume is unencrypted by default" "False available" "$encrypted $state"
check "ec2 attach-volume" "attached /dev/sdg" \
  "$(aws ec2 attach-volume --volume-id "$volume" --instance-id "$instance" --device /dev/sdg \
    --query '[State,Device]' | tr '\t' ' ')"
check "ec2 describe-volumes shows the attachment" "in-use $instance" \
  "$(aws ec2 describe-volumes --volume-ids "$volume" --query 'Volumes[0].[State,Attachments[0].InstanceId]' \
    | tr '\t' ' ')"
expect_error "ec2 delete-volume while attached" "VolumeInUse" ec2 delete-volume --volume-id "$volume"
check "ec2 detach-volume --force" "detaching" \
  "$(aws ec2 detach-volume --volume-id "$volume" --force --query State)"
expect_error "ec2 detach-volume of an available volume" "IncorrectState" ec2 detach-volume --volume-id "$volume"
aws ec2 delete-volume --volume-id "$volume"
expect_error "ec2 delete-volume then describe" "InvalidVolume.NotFound" ec2 describe-volumes --volume-ids "$volume"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]

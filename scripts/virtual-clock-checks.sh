# Shared by the AWS CLI scripts that run against `selfheal serve --virtual-clock` (sourced, with $1 the endpoint):
# cli-checks.sh (the CLI's environment, an `aws` wrapper, one-line checks counted in $passed/$failed) and
# `advance SECONDS`.
set -uo pipefail

endpoint="${1:?usage: $0 ENDPOINT}"
source "$(dirname "${BASH_SOURCE[0]}")/cli-checks.sh"

advance() { # seconds: moves the virtual clock, running what falls due, once the cloud is quiet
  python3 -c 'import sys, urllib.request
urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "/_selfheal/clock/advance?ms=" + sys.argv[2], method="POST")).read()' \
    "$endpoint" "$(($1 * 1000))"
}

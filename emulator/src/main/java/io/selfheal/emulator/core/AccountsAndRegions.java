package io.selfheal.emulator.core;

import java.util.regex.Pattern;

/**
 * The shapes of AWS's account IDs (12 digits) and region names. Regions are matched as the SDKs' endpoint rulesets
 * match them per partition ({@code regionRegex} of aws, aws-cn, aws-us-gov, the ISO partitions and the European
 * Sovereign Cloud), with their {@code \w+} narrowed to the direction words every real region uses, so that names a
 * client makes up stay a small finite set — each one would otherwise open a store per service.
 */
public final class AccountsAndRegions {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("(us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob"
            + "|eu-isoe|us-isof|eusc-de)-((north|south)?(east|west)|north|south|central)-\\d");

    private AccountsAndRegions() {
    }

    public static boolean isAccountId(String s) {
        return s != null && ACCOUNT_ID.matcher(s).matches();
    }

    public static boolean isRegion(String s) {
        return s != null && REGION.matcher(s).matches();
    }
}

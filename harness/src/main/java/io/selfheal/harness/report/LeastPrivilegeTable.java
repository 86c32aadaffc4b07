package io.selfheal.harness.report;

import io.selfheal.harness.iam.LeastPrivilegeReport;
import java.util.List;

/**
 * Each function's least-privilege table in the HTML report: per grant (Allow statement of its role) the actions and
 * resources it grants, the actions it allowed and the ARNs they touched, marked unused or narrowable; then the
 * actions used, with allowed and denied counts.
 */
final class LeastPrivilegeTable {
    private LeastPrivilegeTable() {
    }

    static void render(StringBuilder html, List<LeastPrivilegeReport> reports) {
        for (LeastPrivilegeReport r : reports) {
            html.append("<details class=\"least-privilege\" open><summary>least privilege: function ")
                    .append(Html.escape(r.function())).append(" — ").append(r.used().size()).append(" actions used, ")
                    .append(r.unusedGrants().size()).append(" unused grants, ").append(r.narrowableGrants().size())
                    .append(" narrowable, ").append(r.denials().size()).append(" denied</summary>\n");
            html.append("<table class=\"grants\"><thead><tr><th>grant</th><th>actions granted</th>")
                    .append("<th>resources granted</th><th>actions used</th><th>ARNs touched</th><th>finding</th>")
                    .append("</tr></thead><tbody>\n");
            for (LeastPrivilegeReport.Grant g : r.grants()) {
                String finding = !g.used() ? "unused: remove it" : g.narrowable() ? "narrow Resource to the ARNs touched"
                        : "";
                html.append("<tr").append(g.used() ? "" : " class=\"fail\"").append("><td>").append(Html.escape(g.id()))
                        .append("</td><td>").append(Html.escape(String.join(", ", g.actions())))
                        .append("</td><td>").append(Html.escape(String.join(", ", g.resources())))
                        .append("</td><td>").append(Html.escape(String.join(", ", g.called())))
                        .append("</td><td>").append(Html.escape(String.join(", ", g.touched())))
                        .append("</td><td>").append(Html.escape(finding)).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n<table class=\"actions\"><thead><tr><th>action used</th>")
                    .append("<th>resources</th><th>allowed</th><th>denied</th></tr></thead><tbody>\n");
            for (LeastPrivilegeReport.ActionUse a : r.used()) {
                html.append("<tr").append(a.denied() > 0 ? " class=\"fail\"" : "").append("><td>")
                        .append(Html.escape(a.action())).append("</td><td>")
                        .append(Html.escape(String.join(", ", a.resources()))).append("</td><td class=\"num\">")
                        .append(a.allowed()).append("</td><td class=\"num\">").append(a.denied()).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
            for (String denial : r.denialLines()) {
                html.append("<p class=\"fail\">").append(Html.escape(denial)).append("</p>\n");
            }
            html.append("</details>\n");
        }
    }
}

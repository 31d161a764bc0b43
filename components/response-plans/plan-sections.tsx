// The sections of a response plan's page, each readable, and for writers with its own editor.
import type { ReactNode } from "react";
import { ImpactBadge } from "@/components/incidents/impact-badge";
import { Alert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { KeyValuePairs } from "@/components/ui/key-value";
import { toResponsePlanFormValues, type PlanSection } from "@/lib/console/response-plans/schemas";
import type { ResponsePlanDetail } from "@/lib/console/response-plans/dto";
import { EditSectionDialog } from "./edit-section-dialog";
import { EngagementTargetsTable } from "./engagement-targets-table";
import { DYNAMIC_VARIABLE_LABELS, SECTION_DESCRIPTIONS, SECTION_TITLES, TARGET_ACCOUNT_LABELS } from "./labels";
import { Arn, ArnText } from "@/components/ui/arn";

function ArnList({ label, arns, none }: { label: string; arns: string[]; none: string }) {
  return arns.length ? (
    <ul aria-label={label} className="list-disc space-y-1 pl-5">
      {arns.map((arn) => (
        <li key={arn}>
          <ArnText arn={arn} />
        </li>
      ))}
    </ul>
  ) : (
    <p className="text-muted">{none}</p>
  );
}

function TagPairs({ tags, none }: { tags: Record<string, string> | undefined; none: string }) {
  const entries = Object.entries(tags ?? {});
  return entries.length ? <KeyValuePairs items={entries.map(([key, value]) => ({ label: key, value: value || "—" }))} /> : <p className="text-muted">{none}</p>;
}

function runbookView(plan: ResponsePlanDetail): ReactNode {
  const ssm = plan.actions?.[0]?.ssmAutomation;
  if (!ssm) return <p className="text-muted">No runbook starts with the incident.</p>;
  const parameters = Object.entries(ssm.parameters ?? {});
  const dynamic = Object.entries(ssm.dynamicParameters ?? {});
  return (
    <KeyValuePairs
      items={[
        { label: "Document name", value: ssm.documentName },
        { label: "Document version", value: ssm.documentVersion || "Default" },
        { label: "Role ARN", value: ssm.roleArn ? <ArnText arn={ssm.roleArn} /> : null },
        { label: "Target account", value: ssm.targetAccount ? (TARGET_ACCOUNT_LABELS[ssm.targetAccount] ?? ssm.targetAccount) : null },
        {
          label: "Parameters",
          value: parameters.length ? (
            <ul aria-label="Parameters">
              {parameters.map(([k, values]) => (
                <li key={k} className="break-all">
                  {k}: {values.join(", ") || "(no values)"}
                </li>
              ))}
            </ul>
          ) : null,
        },
        {
          label: "Dynamic parameters",
          value: dynamic.length ? (
            <ul aria-label="Dynamic parameters">
              {dynamic.map(([k, v]) => (
                <li key={k} className="break-all">
                  {k}: {DYNAMIC_VARIABLE_LABELS[v.variable ?? ""] ?? v.variable}
                </li>
              ))}
            </ul>
          ) : null,
        },
      ]}
    />
  );
}

function integrationsView(plan: ResponsePlanDetail): ReactNode {
  const pd = plan.integrations?.[0]?.pagerDutyConfiguration;
  if (!pd) return <p className="text-muted">No integration.</p>;
  return (
    <KeyValuePairs
      items={[
        { label: "Integration", value: "PagerDuty" },
        { label: "PagerDuty configuration name", value: pd.name },
        { label: "PagerDuty service ID", value: pd.pagerDutyIncidentConfiguration?.serviceId },
        { label: "Secret ID", value: <span className="break-all">{pd.secretId}</span> },
      ]}
    />
  );
}

export function ResponsePlanSections({ plan, canWrite }: { plan: ResponsePlanDetail; canWrite: boolean }) {
  const t = plan.incidentTemplate;
  const values = toResponsePlanFormValues(plan, plan.tags.ok ? plan.tags.data : {});
  const edit = (section: PlanSection) => (canWrite && (section !== "tags" || plan.tags.ok) ? <EditSectionDialog arn={plan.arn!} section={section} values={values} /> : null);
  const section = (s: PlanSection, body: ReactNode, flush = false) => (
    <Container key={s} header={SECTION_TITLES[s]} description={SECTION_DESCRIPTIONS[s]} actions={edit(s)} flush={flush}>
      {body}
    </Container>
  );

  return (
    <div className="space-y-5">
      {section(
        "details",
        <KeyValuePairs
          items={[
            { label: "Name", value: plan.name },
            { label: "Display name", value: plan.displayName || null },
            { label: "ARN", value: plan.arn ? <Arn arn={plan.arn} label="Copy response plan ARN" /> : null },
          ]}
        />,
      )}
      {section(
        "defaults",
        <div className="space-y-4">
          <KeyValuePairs
            items={[
              { label: "Title", value: t?.title },
              { label: "Impact", value: t?.impact ? <ImpactBadge impact={t.impact} /> : null },
              { label: "Summary", value: t?.summary ? <span className="whitespace-pre-wrap">{t.summary}</span> : null },
              { label: "Dedupe string", value: t?.dedupeString || null },
            ]}
          />
          <div>
            <h3 className="mb-1 font-bold text-muted">Incident tags</h3>
            <TagPairs tags={t?.incidentTags} none="No incident tags." />
          </div>
        </div>,
      )}
      {section(
        "notifications",
        <ArnList label="Notification targets" arns={(t?.notificationTargets ?? []).flatMap((n) => (n.snsTopicArn ? [n.snsTopicArn] : []))} none="No notification targets." />,
      )}
      {section("chat", <ArnList label="Chat channel SNS topics" arns={plan.chatChannel?.chatbotSns ?? []} none="No chat channel." />)}
      {section("engagements", <EngagementTargetsTable targets={plan.engagementTargets} />, true)}
      {section("runbook", runbookView(plan))}
      {section("integrations", integrationsView(plan))}
      {section(
        "tags",
        plan.tags.ok ? (
          <TagPairs tags={plan.tags.data} none="No tags." />
        ) : (
          <Alert type="info" header="Tags can't be shown">
            {plan.tags.error.name}: {plan.tags.error.message}
          </Alert>
        ),
      )}
    </div>
  );
}

// Ready-to-paste configuration for the tool that sends an integration's alerts: Alertmanager's
// receiver, Grafana's contact point, the PagerDuty-compatible endpoint, and a curl to try it.
// Pure and client-safe: the integration page renders these, each with a copy button. Every value
// is quoted for its language (YAML double-quoted scalars, shell single quotes), so a name or
// token with odd characters can't break the snippet.
import type { AlertKind } from "@/lib/console/alerts/normalized";

export type SnippetInput = {
  kind: AlertKind;
  /** The integration's intake URL (POST): where its native webhook format goes. */
  ingestionUrl: string;
  /** The PagerDuty Events API v2-compatible URL (POST …/v2/enqueue); the token is the routing key. */
  pagerDutyUrl: string;
  /** The integration's token (shown once), or a placeholder such as "<token>". */
  token: string;
  /** The integration's name: the receiver's / contact point's name. */
  name: string;
};

export type SnippetLanguage = "yaml" | "shell" | "text";

export type Snippet = {
  /** Stable, for React keys and tests: "alertmanager-webhook", "grafana-provisioning"… */
  id: string;
  title: string;
  language: SnippetLanguage;
  /** One or two sentences: where this goes. */
  description: string;
  code: string;
};

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML. */
const yamlString = (value: string) => JSON.stringify(value);

/** A POSIX shell single-quoted word. */
const shellWord = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** One line, for a YAML or shell comment. */
const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();

/** A Grafana uid (letters, digits, "-" and "_", at most 40) from the name. */
function grafanaUid(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 30)
    .replace(/-+$/, "");
  return `im-${slug || "alerts"}`;
}

function alertmanagerWebhook(i: SnippetInput): Snippet {
  return {
    id: "alertmanager-webhook",
    title: "Alertmanager receiver (webhook)",
    language: "yaml",
    description:
      "Add this receiver to alertmanager.yml and name it in a route (route.receiver, or a child route's receiver). " +
      "Alertmanager sends the token as a bearer token, and resolved alerts too.",
    code: [
      `# alertmanager.yml: route alerts to this receiver, e.g.`,
      `#   route:`,
      `#     receiver: ${yamlString(i.name)}`,
      `receivers:`,
      `  - name: ${yamlString(i.name)}`,
      `    webhook_configs:`,
      `      - url: ${yamlString(i.ingestionUrl)}`,
      `        send_resolved: true`,
      `        http_config:`,
      `          authorization:`,
      `            type: Bearer`,
      `            credentials: ${yamlString(i.token)}`,
      ``,
    ].join("\n"),
  };
}

function alertmanagerPagerDuty(i: SnippetInput): Snippet {
  return {
    id: "alertmanager-pagerduty",
    title: "Alertmanager receiver (PagerDuty-compatible)",
    language: "yaml",
    description:
      "Or reuse Alertmanager's PagerDuty integration: the same receiver, pointed at the console's PagerDuty-compatible " +
      "endpoint, with the token as the routing key.",
    code: [
      `receivers:`,
      `  - name: ${yamlString(i.name)}`,
      `    pagerduty_configs:`,
      `      - url: ${yamlString(i.pagerDutyUrl)}`,
      `        routing_key: ${yamlString(i.token)}`,
      `        send_resolved: true`,
      ``,
    ].join("\n"),
  };
}

function grafanaSteps(i: SnippetInput): Snippet {
  return {
    id: "grafana-contact-point",
    title: "Grafana contact point",
    language: "text",
    description: "In Grafana: Alerting → Contact points → + Add contact point, then:",
    code: [
      `Name: ${oneLine(i.name)}`,
      `Integration: Webhook`,
      `URL: ${i.ingestionUrl}`,
      `HTTP Method: POST`,
      `Optional Webhook settings → Authorization Header - Scheme: Bearer`,
      `Optional Webhook settings → Authorization Header - Credentials: ${i.token}`,
      `Notification settings → Disable resolved message: off`,
      ``,
    ].join("\n"),
  };
}

function grafanaProvisioning(i: SnippetInput): Snippet {
  return {
    id: "grafana-provisioning",
    title: "Grafana contact point (provisioning file)",
    language: "yaml",
    description:
      "Or provision it: save as a file under Grafana's provisioning/alerting folder and restart Grafana " +
      "(then use the contact point in a notification policy).",
    code: [
      `apiVersion: 1`,
      `contactPoints:`,
      `  - orgId: 1`,
      `    name: ${yamlString(i.name)}`,
      `    receivers:`,
      `      - uid: ${yamlString(grafanaUid(i.name))}`,
      `        type: webhook`,
      `        settings:`,
      `          url: ${yamlString(i.ingestionUrl)}`,
      `          httpMethod: POST`,
      `          authorization_scheme: Bearer`,
      `          authorization_credentials: ${yamlString(i.token)}`,
      `        disableResolveMessage: false`,
      ``,
    ].join("\n"),
  };
}

function pagerDutyEndpoint(i: SnippetInput): Snippet {
  return {
    id: "pagerduty-endpoint",
    title: "PagerDuty-compatible endpoint",
    language: "text",
    description:
      "Any tool that sends PagerDuty Events API v2 events can send them here instead: use this URL in place of " +
      "https://events.pagerduty.com/v2/enqueue and the token as the integration (routing) key.",
    code: [`Events API v2 URL: ${i.pagerDutyUrl}`, `Integration key (routing_key): ${i.token}`, ``].join("\n"),
  };
}

function grafanaPagerDuty(i: SnippetInput): Snippet {
  return {
    id: "grafana-pagerduty",
    title: "Grafana PagerDuty contact point",
    language: "text",
    description: "Or reuse Grafana's PagerDuty integration (Grafana 11.1 and later, which lets it send elsewhere than PagerDuty):",
    code: [
      `Name: ${oneLine(i.name)}`,
      `Integration: PagerDuty`,
      `Integration Key: ${i.token}`,
      `Optional PagerDuty settings → URL: ${i.pagerDutyUrl}`,
      ``,
    ].join("\n"),
  };
}

/** A POST with a JSON body, as a copy-paste shell command. */
function curl(url: string, headers: string[], body: unknown): string {
  return [
    `curl -sS -X POST ${shellWord(url)} \\`,
    ...headers.map((h) => `  -H ${shellWord(h)} \\`),
    `  -H 'Content-Type: application/json' \\`,
    `  --data-binary ${shellWord(JSON.stringify(body, null, 2))}`,
    ``,
  ].join("\n");
}

const bearer = (i: SnippetInput) => [`Authorization: Bearer ${i.token}`];

function curlSnippet(i: SnippetInput): Snippet {
  const now = "2024-01-01T00:00:00Z";
  switch (i.kind) {
    case "ALERTMANAGER":
    case "GRAFANA": {
      const alert = {
        status: "firing",
        labels: { alertname: "ConsoleTestAlert", severity: "warning", instance: "test.example.com" },
        annotations: { summary: "Test alert from curl", description: "Sent by hand to check the integration." },
        startsAt: now,
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "https://example.com/graph",
        fingerprint: "0123456789abcdef",
      };
      const envelope = {
        receiver: i.name,
        status: "firing",
        alerts: [alert],
        groupLabels: { alertname: "ConsoleTestAlert" },
        commonLabels: alert.labels,
        commonAnnotations: alert.annotations,
        truncatedAlerts: 0,
      };
      const body =
        i.kind === "ALERTMANAGER"
          ? { version: "4", groupKey: '{}:{alertname="ConsoleTestAlert"}', externalURL: "https://alertmanager.example.com", ...envelope }
          : { version: "1", groupKey: "{}:{}", externalURL: "https://grafana.example.com/", orgId: 1, state: "alerting", ...envelope };
      return {
        id: "curl",
        title: "Try it with curl",
        language: "shell",
        description: `Sends one firing test alert in ${i.kind === "ALERTMANAGER" ? "Alertmanager's" : "Grafana's"} format; send it again with "status": "resolved" to resolve it.`,
        code: curl(i.ingestionUrl, bearer(i), body),
      };
    }
    case "PAGERDUTY":
      return {
        id: "curl",
        title: "Try it with curl",
        language: "shell",
        description: 'Triggers a test alert; send "event_action": "resolve" with the same dedup_key to resolve it.',
        code: curl(i.pagerDutyUrl, [], {
          routing_key: i.token,
          event_action: "trigger",
          dedup_key: "console-test",
          payload: { summary: "Test alert from curl", source: "test.example.com", severity: "warning" },
        }),
      };
    case "GENERIC":
      return {
        id: "curl",
        title: "Send an alert",
        language: "shell",
        description:
          'Only "title" is required. "status" is "firing" (default) or "resolved"; the same "dedupeKey" names the same alert; ' +
          '"impact" (1 critical … 5 no impact) overrides the severity map; "links" are {"title", "url"} objects or URLs.',
        code: curl(i.ingestionUrl, bearer(i), {
          title: "Checkout error rate above 5%",
          status: "firing",
          dedupeKey: "checkout-5xx",
          impact: 2,
          severity: "high",
          summary: "5xx responses are 7.2% of checkout requests.",
          links: [{ title: "Error dashboard", url: "https://grafana.example.com/d/checkout-errors" }],
        }),
      };
  }
}

/** The snippets for an integration of this kind, the recommended one first. */
export function integrationSnippets(input: SnippetInput): Snippet[] {
  switch (input.kind) {
    case "ALERTMANAGER":
      return [alertmanagerWebhook(input), alertmanagerPagerDuty(input), curlSnippet(input)];
    case "GRAFANA":
      return [grafanaSteps(input), grafanaProvisioning(input), curlSnippet(input)];
    case "PAGERDUTY":
      return [pagerDutyEndpoint(input), alertmanagerPagerDuty(input), grafanaPagerDuty(input), curlSnippet(input)];
    case "GENERIC":
      return [curlSnippet(input)];
  }
}

import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parseDelivery } from "@/lib/console/alerts/kinds";
import { ALERT_KINDS, type AlertKind } from "@/lib/console/alerts/normalized";
import { integrationSnippets, type SnippetInput } from "./snippets";

// js-yaml is in node_modules (through ESLint), not a dependency of ours: the YAML checks run when
// it is there and are skipped, not failed, when it isn't.
type Yaml = { load(text: string): unknown };
const yaml: Yaml | undefined = (() => {
  try {
    return createRequire(import.meta.url)("js-yaml") as Yaml;
  } catch {
    return undefined;
  }
})();

const input = (kind: AlertKind, over: Partial<SnippetInput> = {}): SnippetInput => ({
  kind,
  ingestionUrl: "https://console.example.com/api/alerts/intake/int-123",
  pagerDutyUrl: "https://console.example.com/api/alerts/pagerduty/v2/enqueue",
  token: "imt_s3cr3t-token",
  name: "Checkout alerts",
  ...over,
});

/** The JSON body of a snippet's curl command (its single-quoted --data-binary word). */
function curlBody(code: string): unknown {
  const word = /--data-binary '((?:[^']|'\\'')*)'\s*$/.exec(code);
  expect(word).not.toBeNull();
  return JSON.parse(word![1].replace(/'\\''/g, "'"));
}

describe("integration snippets", () => {
  it("gives every kind at least one snippet, each with a distinct id", () => {
    for (const kind of ALERT_KINDS) {
      const snippets = integrationSnippets(input(kind));
      expect(snippets.length).toBeGreaterThan(0);
      expect(new Set(snippets.map((s) => s.id)).size).toBe(snippets.length);
      for (const s of snippets) expect(s.code).not.toBe("");
    }
  });

  it.skipIf(!yaml)("gives Alertmanager a receiver YAML that parses, with the URL, the bearer token and send_resolved", () => {
    const [webhook, pagerduty] = integrationSnippets(input("ALERTMANAGER"));
    expect(webhook.code).toContain("https://console.example.com/api/alerts/intake/int-123");
    expect(yaml!.load(webhook.code)).toEqual({
      receivers: [
        {
          name: "Checkout alerts",
          webhook_configs: [
            {
              url: "https://console.example.com/api/alerts/intake/int-123",
              send_resolved: true,
              http_config: { authorization: { type: "Bearer", credentials: "imt_s3cr3t-token" } },
            },
          ],
        },
      ],
    });
    expect(yaml!.load(pagerduty.code)).toEqual({
      receivers: [
        {
          name: "Checkout alerts",
          pagerduty_configs: [
            { url: "https://console.example.com/api/alerts/pagerduty/v2/enqueue", routing_key: "imt_s3cr3t-token", send_resolved: true },
          ],
        },
      ],
    });
  });

  it.skipIf(!yaml)("quotes a name or token that would break YAML", () => {
    const odd = input("ALERTMANAGER", { name: 'ops: "night" #1\n- x', token: "a'b: c # d" });
    const doc = yaml!.load(integrationSnippets(odd)[0].code) as { receivers: { name: string; webhook_configs: { http_config: { authorization: { credentials: string } } }[] }[] };
    expect(doc.receivers[0].name).toBe('ops: "night" #1\n- x');
    expect(doc.receivers[0].webhook_configs[0].http_config.authorization.credentials).toBe("a'b: c # d");
    const grafana = yaml!.load(integrationSnippets({ ...odd, kind: "GRAFANA" })[1].code) as { contactPoints: { name: string; receivers: { uid: string }[] }[] };
    expect(grafana.contactPoints[0].name).toBe('ops: "night" #1\n- x');
    expect(grafana.contactPoints[0].receivers[0].uid).toMatch(/^[a-z0-9_-]{1,40}$/);
  });

  it.skipIf(!yaml)("gives Grafana a provisioning file that parses, with the webhook URL and the bearer token", () => {
    const [steps, provisioning] = integrationSnippets(input("GRAFANA"));
    expect(steps.code).toContain("URL: https://console.example.com/api/alerts/intake/int-123");
    expect(steps.code).toContain("Credentials: imt_s3cr3t-token");
    expect(yaml!.load(provisioning.code)).toEqual({
      apiVersion: 1,
      contactPoints: [
        {
          orgId: 1,
          name: "Checkout alerts",
          receivers: [
            {
              uid: "im-checkout-alerts",
              type: "webhook",
              settings: {
                url: "https://console.example.com/api/alerts/intake/int-123",
                httpMethod: "POST",
                authorization_scheme: "Bearer",
                authorization_credentials: "imt_s3cr3t-token",
              },
              disableResolveMessage: false,
            },
          ],
        },
      ],
    });
  });

  it("gives PagerDuty the URL and the routing key, and how Alertmanager and Grafana send there", () => {
    const snippets = integrationSnippets(input("PAGERDUTY"));
    expect(snippets.map((s) => s.id)).toEqual(["pagerduty-endpoint", "alertmanager-pagerduty", "grafana-pagerduty", "curl"]);
    for (const s of snippets) expect(s.code).toContain("https://console.example.com/api/alerts/pagerduty/v2/enqueue");
    expect(snippets[0].code).toContain("routing_key): imt_s3cr3t-token");
    expect(snippets[2].code).toContain("Integration Key: imt_s3cr3t-token");
  });

  it.each(ALERT_KINDS)("gives %s a curl whose body the console reads as that kind", (kind) => {
    const snippet = integrationSnippets(input(kind)).find((s) => s.language === "shell");
    expect(snippet).toBeDefined();
    const body = curlBody(snippet!.code);
    const alerts = parseDelivery(kind, body, new Date());
    expect(alerts.length).toBe(1);
    expect(alerts[0].status).toBe("FIRING");
    if (kind === "PAGERDUTY") expect(snippet!.code).toContain("https://console.example.com/api/alerts/pagerduty/v2/enqueue");
    else expect(snippet!.code).toContain("Authorization: Bearer imt_s3cr3t-token");
  });

  it("quotes the curl command so the shell passes the token and body through unchanged", () => {
    const odd = input("GENERIC", { token: "it's $HOME `id`" });
    const [snippet] = integrationSnippets(odd);
    // The command run as written, with `curl` a shell function that prints each argument it got.
    const args = execFileSync("sh", ["-c", `curl() { printf '%s\\n' "$@"; }\n${snippet.code}`], { encoding: "utf8" });
    expect(args).toContain("Authorization: Bearer it's $HOME `id`");
    expect(args).toContain('"title": "Checkout error rate above 5%"');
  });
});

"use client";
// What adding an integration or rotating its token shows, once: the intake URL and the token, each
// with a copy button, and the ready-to-paste configuration for the kind's tools in tabs. The token
// is not stored (only its SHA-256): closing this panel is the last chance to copy it.
import * as Tabs from "@radix-ui/react-tabs";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { IntegrationWithToken } from "@/lib/console/integrations/dto";
import { integrationUrls } from "@/lib/console/integrations/paths";
import { integrationSnippets } from "@/lib/console/integrations/snippets";
import { useOrigin } from "./use-origin";

export function IntegrationToken({ shown, rotated, onDismiss }: { shown: IntegrationWithToken; rotated: boolean; onDismiss: () => void }) {
  const { integration, token } = shown;
  const { ingestionUrl, pagerDutyUrl } = integrationUrls(useOrigin(), integration.id);
  const snippets = integrationSnippets({ kind: integration.kind, ingestionUrl, pagerDutyUrl, token, name: integration.name });
  // The dialog that made it has closed: take the keyboard (and the screen) to what must be copied
  // now. Radix gives focus back to the dialog's trigger in a timeout of its own as the dialog
  // unmounts (in the same render this panel mounts in); this one, queued after it, wins.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => ref.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [token]);
  return (
    <div ref={ref} tabIndex={-1} className="scroll-mt-16 focus-visible:outline-none">
      <Alert type="success" header={rotated ? `New token for ${integration.name}` : `Integration ${integration.name} added`}>
        <p>
          Copy the token now: it is not stored and will not be shown again.
          {rotated ? " The old token no longer works." : ""}
        </p>
        <dl className="mt-3 space-y-3">
          <div>
            <dt className="font-bold">{integration.kind === "PAGERDUTY" ? "Events API v2 URL" : "Intake URL"}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <code data-testid="integration-url" className="break-all">
                {integration.kind === "PAGERDUTY" ? pagerDutyUrl : ingestionUrl}
              </code>
              <CopyButton text={integration.kind === "PAGERDUTY" ? pagerDutyUrl : ingestionUrl} label="Copy intake URL" />
            </dd>
          </div>
          <div>
            <dt className="font-bold">{integration.kind === "PAGERDUTY" ? "Token (routing key)" : "Token"}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <code data-testid="integration-token" className="break-all">
                {token}
              </code>
              <CopyButton text={token} label="Copy token" />
            </dd>
            <dd className="mt-1 text-muted">
              {integration.kind === "PAGERDUTY"
                ? "Send it as the events' routing_key."
                : `Send it as a bearer token ("Authorization: Bearer <token>"), or, from a tool that can't set a header, at the end of the URL: ?token=<token>.`}
            </dd>
          </div>
        </dl>
        <Tabs.Root defaultValue={snippets[0]?.id} className="mt-4">
          <Tabs.List aria-label="Configuration snippets" className="scroll-cue flex gap-4 border-b border-line">
            {snippets.map((s) => (
              <Tabs.Trigger
                key={s.id}
                value={s.id}
                className="-mb-px shrink-0 border-b-4 border-transparent py-1.5 font-bold text-muted hover:text-ink data-[state=active]:border-link data-[state=active]:text-link"
              >
                {s.title}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          {snippets.map((s) => (
            <Tabs.Content key={s.id} value={s.id} className="pt-2">
              <p>{s.description}</p>
              <pre aria-label={s.title} className="mt-2 max-h-80 overflow-auto rounded-lg bg-squid p-3 text-sm whitespace-pre text-white">
                {s.code}
              </pre>
              <div className="mt-1">
                <CopyButton text={s.code} label={`Copy ${s.title}`} />
              </div>
            </Tabs.Content>
          ))}
        </Tabs.Root>
        <Button className="mt-3" onClick={onDismiss}>
          I have saved the token
        </Button>
      </Alert>
    </div>
  );
}
